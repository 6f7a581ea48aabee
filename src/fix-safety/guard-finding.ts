import type { Edit, Finding } from '../core/types.js'
import { CELL } from './edit-mask.js'

export interface GuardContext {
  readonly source: string
  /** One CELL per source character (see editMask). */
  readonly cells: Uint8Array
}

/**
 * Applies the engine's fix invariants to one finding: a finding wholly inside text
 * that never renders, or inside what a program printed (a quoted log line), is dropped, and so is a wording finding (any tier but `safe`)
 * wholly inside a quotation, since nobody rewords what someone else said; a finding whose edits would touch code-like text, a
 * quotation or (for a rule that reads prose) anything but prose keeps its message and
 * loses its fix. Rules need not be careful; the engine is.
 */
export function guardFinding(finding: Finding, context: GuardContext, readsProse: boolean, lintsQuotations = false): Finding | undefined {
  const { start, end } = { start: finding.span.start.offset, end: finding.span.end.offset }
  const { cells } = context
  if (end > start && every(cells, start, end, (c) => c === CELL.hidden || c === CELL.printed)) return undefined
  if (end > start && finding.fixTier !== 'safe' && !lintsQuotations && every(cells, start, end, (c) => c === CELL.quoted)) return undefined
  if (finding.edits.length === 0) return finding
  if (finding.edits.every((e) => allowed(e, context, readsProse) || (finding.fixTier === 'safe' && recasesWord(e, context)))) return finding
  return { ...finding, edits: [] }
}

function allowed(edit: Edit, { source, cells }: GuardContext, readsProse: boolean): boolean {
  const { start, end } = edit
  if (start === end) return insertionAllowed(cells, start, readsProse)
  if (splits(cells, start, end)) return false
  // Backticks around a code-like token format it without changing a character of it.
  const removed = source.slice(start, end)
  if (edit.text === `\`${removed}\``) return every(cells, start, end, (c) => c === CELL.code || c === CELL.prose)
  // A rule that reads the source (a blank line before a shortcode, a repeated title) may
  // touch markup, but never code-like text, quotations or text that does not render.
  if (!readsProse) return every(cells, start, end, (c) => c === CELL.prose || c === CELL.other)
  // Whitespace Markdown dropped inside a span (a list item's continuation indent) is prose too.
  return every(cells, start, end, (c, i) => c === CELL.prose || (c === CELL.other && isSpace(source.charCodeAt(i))))
}

/**
 * A word of letters and digits counts as code only for its inner capital ("cURL", like
 * "getUser"); a safe fix that changes nothing but the case of that whole word is a name
 * list's one spelling ("cURL" -> "curl"), not a rename, so it may stand.
 */
function recasesWord(edit: Edit, { source, cells }: GuardContext): boolean {
  const removed = source.slice(edit.start, edit.end)
  if (edit.text === removed || edit.text.toLowerCase() !== removed.toLowerCase() || !/^[\p{L}\p{N}]+$/u.test(removed)) return false
  // The whole word: nothing glued on either side makes it part of a path, a flag or a dotted name.
  const glue = /[\p{L}\p{N}_\-/@#$%~\\]/u
  if (glue.test(source.charAt(edit.start - 1)) || source.charAt(edit.start - 1) === '.' || glue.test(source.charAt(edit.end)) || /^\.[\p{L}\p{N}]/u.test(source.slice(edit.end, edit.end + 2))) return false
  return every(cells, edit.start, edit.end, (c) => c === CELL.code || c === CELL.prose)
}

function insertionAllowed(cells: Uint8Array, at: number, readsProse: boolean): boolean {
  const before = at > 0 ? cells[at - 1] : undefined
  const after = cells[at]
  if (isGuarded(before) && isGuarded(after)) return false
  if (!readsProse) return true
  return before === CELL.prose || after === CELL.prose
}

/** An edit with protected text right on both sides (no whitespace between) cuts into it. */
function splits(cells: Uint8Array, start: number, end: number): boolean {
  return isGuarded(cells[start - 1]) && isGuarded(cells[end])
}

function isGuarded(cell: number | undefined): boolean {
  return cell === CELL.code || cell === CELL.quoted || cell === CELL.hidden || cell === CELL.printed
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13
}

function every(cells: Uint8Array, start: number, end: number, test: (cell: number, index: number) => boolean): boolean {
  for (let i = start; i < end; i++) if (!test(cells[i] ?? CELL.other, i)) return false
  return true
}
