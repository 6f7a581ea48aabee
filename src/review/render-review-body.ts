import type { Finding, SkippedFile } from '../core/types.js'
import { fencedBlock } from './build-suggestion.js'
import { MAX_BODY } from './render-comment.js'

export interface BodyInput {
  readonly files: number
  readonly comments: number
  readonly overflow: readonly Finding[]
  readonly unanchored: readonly Finding[]
  readonly notReviewed: readonly SkippedFile[]
  readonly outsideDiff: number
  readonly alreadyPosted: number
  /** Room left for this text (the planner appends hidden markers after it). Default: GitHub's limit. */
  readonly maxLength?: number
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * The review's own text: a one-line summary, then everything that could not be a line
 * comment, suggested lines included, so nothing is lost. Over GitHub's size limit it
 * drops the suggested lines first, then the tail of the lists, saying how many it left out.
 */
export function renderReviewBody(input: BodyInput): string {
  const limit = input.maxLength ?? MAX_BODY
  const full = render(input, { suggestions: true, items: Number.POSITIVE_INFINITY })
  if (full.length <= limit) return full
  const bare = render(input, { suggestions: false, items: Number.POSITIVE_INFINITY })
  if (bare.length <= limit) return bare
  let items = input.overflow.length + input.unanchored.length
  // Each listed finding takes at least ~40 characters: shrink by that until it fits.
  while (items > 0) {
    items = Math.max(0, items - Math.max(1, Math.ceil((render(input, { suggestions: false, items }).length - limit) / 40)))
    const text = render(input, { suggestions: false, items })
    if (text.length <= limit) return text
  }
  return render(input, { suggestions: false, items: 0 }).slice(0, limit)
}

function render(input: BodyInput, room: { suggestions: boolean; items: number }): string {
  const parts = [`Bluepencil reviewed ${plural(input.files, 'post')} and left ${plural(input.comments, 'comment')}.`]
  const overflowShown = Math.min(input.overflow.length, room.items)
  const unanchoredShown = Math.min(input.unanchored.length, room.items - overflowShown)
  if (input.overflow.length > 0) parts.push(section(`${plural(input.overflow.length, 'more finding')} (past this review's comment limit)`, input.overflow.slice(0, overflowShown), input.overflow.length - overflowShown, room.suggestions))
  if (input.unanchored.length > 0) parts.push(section(`${plural(input.unanchored.length, 'finding')} on changed lines that GitHub cannot anchor a comment to`, input.unanchored.slice(0, unanchoredShown), input.unanchored.length - unanchoredShown, room.suggestions))
  if (input.notReviewed.length > 0) parts.push(`**Not reviewed**\n\n${input.notReviewed.map((s) => `- \`${s.path}\`: ${s.reason}`).join('\n')}`)
  const notes = []
  if (input.alreadyPosted > 0) notes.push(`${plural(input.alreadyPosted, 'comment')} from earlier runs still apply`)
  if (input.outsideDiff > 0) notes.push(`${plural(input.outsideDiff, 'finding')} on lines this pull request did not change ${input.outsideDiff === 1 ? 'was' : 'were'} left alone`)
  if (notes.length > 0) parts.push(`<sub>${notes.join('; ')}.</sub>`)
  return parts.join('\n\n')
}

/**
 * One list item per finding; findings sharing one fix (the engine merges the fixes of a
 * line) are listed together, above a single copy of the suggested lines.
 */
function section(title: string, findings: readonly Finding[], hidden: number, suggestions: boolean): string {
  const items: string[] = []
  findings.forEach((f, i) => {
    const where = f.span.start.line === f.span.end.line ? `L${f.span.start.line}` : `L${f.span.start.line}-L${f.span.end.line}`
    items.push(`- \`${f.path}#${where}\`: ${f.message} (\`${f.ruleId}\`)`)
    const next = findings[i + 1]
    const sharesFix = next?.fix !== undefined && next.path === f.path && sameFix(next.fix, f.fix)
    if (suggestions && f.fix && !sharesFix) {
      const lines = f.fix.startLine === f.fix.endLine ? `line ${f.fix.startLine}` : `lines ${f.fix.startLine}-${f.fix.endLine}`
      const block = fencedBlock('markdown', f.fix.text.replace(/\r\n/g, '\n')).replace(/^/gm, '  ')
      items.push(f.fix.text === '' ? `\n  Suggested: delete ${lines}.\n` : `\n  Suggested ${lines}:\n\n${block}\n`)
    }
  })
  if (hidden > 0) items.push(`- …and ${plural(hidden, 'more finding')} not listed (the review body has a size limit).`)
  return `<details><summary>${title}</summary>\n\n${items.join('\n').trimEnd()}\n\n</details>`
}

function sameFix(a: Finding['fix'], b: Finding['fix']): boolean {
  return a !== undefined && b !== undefined && a.startLine === b.startLine && a.endLine === b.endLine && a.text === b.text
}
