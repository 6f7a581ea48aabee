/** One editorial suggestion or remark of a review data set (`reviews/*.jsonl`). */
export interface ReviewItem {
  readonly id: string
  readonly repo: string
  readonly pr: number
  readonly file: string
  readonly original: string
  /** The editor's replacement lines; null for a remark without a suggestion block. */
  readonly suggestion: string | null
  readonly comment: string
  readonly context: string
  readonly category: string
}

/**
 * The items of the seed review (../seed/beam-blog-review.txt), which the first rules were
 * written from; the bars are about the other repositories, so they are scored apart.
 */
export const SEED_ID_PREFIX = 'beam-29794-'

export const isSeed = (item: Pick<ReviewItem, 'id'>): boolean => item.id.startsWith(SEED_ID_PREFIX)

/** Parses a JSON Lines data set; a bad line is an error naming the file and line. */
export function parseReviewItems(file: string, text: string): ReviewItem[] {
  const items: ReviewItem[] = []
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      throw new Error(`${file}:${index + 1}: not JSON (${(error as Error).message})`, { cause: error })
    }
    const problem = checkItem(value)
    if (problem) throw new Error(`${file}:${index + 1}: ${problem}`)
    items.push(value as ReviewItem)
  })
  return items
}

function checkItem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'not an object'
  const v = value as Record<string, unknown>
  for (const key of ['id', 'repo', 'file', 'original', 'context', 'category'] as const) {
    if (typeof v[key] !== 'string') return `field "${key}" must be a string`
  }
  if (v.suggestion !== null && typeof v.suggestion !== 'string') return 'field "suggestion" must be a string or null'
  return undefined
}
