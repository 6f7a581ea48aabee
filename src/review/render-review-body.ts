import type { Finding, SkippedFile } from '../core/types.js'
import { buildSuggestion } from './build-suggestion.js'

export interface BodyInput {
  readonly files: number
  readonly comments: number
  readonly overflow: readonly Finding[]
  readonly unanchored: readonly Finding[]
  readonly notReviewed: readonly SkippedFile[]
  readonly outsideDiff: number
  readonly alreadyPosted: number
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** The review's own text: a one-line summary, then everything that could not be a line comment, so nothing is lost. */
export function renderReviewBody(input: BodyInput): string {
  const parts = [`Bluepencil reviewed ${plural(input.files, 'post')} and left ${plural(input.comments, 'comment')}.`]
  if (input.overflow.length > 0) parts.push(section(`${plural(input.overflow.length, 'more finding')} (past this review's comment limit)`, input.overflow))
  if (input.unanchored.length > 0) parts.push(section(`${plural(input.unanchored.length, 'finding')} on changed lines that GitHub cannot anchor a comment to`, input.unanchored))
  if (input.notReviewed.length > 0) {
    parts.push(`**Not reviewed**\n\n${input.notReviewed.map((s) => `- \`${s.path}\`: ${s.reason}`).join('\n')}`)
  }
  const notes = []
  if (input.alreadyPosted > 0) notes.push(`${plural(input.alreadyPosted, 'comment')} from earlier runs still apply`)
  if (input.outsideDiff > 0) notes.push(`${plural(input.outsideDiff, 'finding')} on lines this pull request did not change ${input.outsideDiff === 1 ? 'was' : 'were'} left alone`)
  if (notes.length > 0) parts.push(`<sub>${notes.join('; ')}.</sub>`)
  return parts.join('\n\n')
}

function section(title: string, findings: readonly Finding[]): string {
  const items = findings.map((f) => {
    const where = f.span.start.line === f.span.end.line ? `L${f.span.start.line}` : `L${f.span.start.line}-L${f.span.end.line}`
    const head = `- \`${f.path}#${where}\`: ${f.message} (\`${f.ruleId}\`)`
    if (!f.fix) return head
    const block = buildSuggestion(f.fix).replace(/^(`+)suggestion/, '$1markdown').replace(/^/gm, '  ')
    return `${head}\n\n  Suggested lines ${f.fix.startLine}-${f.fix.endLine}:\n\n${block}`
  })
  return `<details><summary>${title}</summary>\n\n${items.join('\n')}\n\n</details>`
}
