import type { ProseDoc } from '../markdown/prose-doc.js'
import { PLACEHOLDER } from '../markdown/align-text.js'
import type { ProseRange } from '../markdown/prose-doc.js'
import { isCodeLike } from './code-like.js'
import { quotedSpans } from './quotations.js'

/** What a source character is, for deciding whether a fix may touch it. */
export const CELL = {
  /** Markup, code, front-matter syntax: not prose a rule read. */
  other: 0,
  /** Prose a rule read, safe to rewrite. */
  prose: 1,
  /** Code-like text left unformatted (paths, dotted identifiers, `%a`, snake_case, scheme-less URLs). */
  code: 2,
  /** Text the template never renders (a comment shortcode). */
  hidden: 3,
  /** Someone else's words: quotations and quoting blockquotes. */
  quoted: 4,
  /** What a program printed, quoted as printed (a log line in a blockquote or paragraph). */
  printed: 5,
} as const

// Template comments: Hugo `{{< comment >}}` / `{{% comment %}}` and Liquid `{% comment %}`.
const COMMENT_SHORTCODE = /\{\{[<%]\s*comment\s*[>%]\}\}[\s\S]*?\{\{[<%]\s*\/\s*comment\s*[>%]\}\}|\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g

/**
 * One cell per source character (see CELL). Built once per post from the prose the
 * rules read, so the engine, not each rule, decides what a fix may change.
 */
export function editMask(doc: ProseDoc): Uint8Array {
  const cells = new Uint8Array(doc.source.length)
  const ranges = doc.frontMatter ? [...doc.frontMatter.ranges, ...doc.ranges] : doc.ranges
  for (const range of ranges) for (const o of range.offsets) if (o >= 0) cells[o] = CELL.prose
  for (const range of ranges) {
    markCodeLike(range, cells)
    for (const [start, end] of quotedSpans(range.text)) markText(range, start, end, cells, CELL.quoted)
  }
  for (const run of quotingBlockquotes(doc.ranges)) for (const range of run) markText(range, 0, range.text.length, cells, CELL.quoted)
  for (const range of doc.ranges) if (LOG_LINE.test(range.text)) markText(range, 0, range.text.length, cells, CELL.printed)
  if (doc.source.includes('comment')) {
    for (const m of doc.source.matchAll(COMMENT_SHORTCODE)) cells.fill(CELL.hidden, m.index, m.index + m[0].length)
  }
  return cells
}

function markText(range: ProseRange, start: number, end: number, cells: Uint8Array, cell: number): void {
  for (let i = start; i < end; i++) {
    const o = range.offsets[i] ?? -1
    if (o >= 0 && cells[o] !== CELL.hidden) cells[o] = cell
  }
}

const SPACE = /[\s\uFFFC]/

/** SPACE.test(text[i]), without a regex run for the common characters. */
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c < 128) return c === 32 || (c >= 9 && c <= 13)
  return SPACE.test(text[i] as string)
}

/** Whitespace-separated tokens of the visible text; a code-like one is protected whole. */
function markCodeLike(range: ProseRange, cells: Uint8Array): void {
  const text = range.text
  let i = 0
  while (i < text.length) {
    while (i < text.length && isSpaceAt(text, i)) i++
    const start = i
    while (i < text.length && !isSpaceAt(text, i) && text[i] !== PLACEHOLDER) i++
    if (i > start && isCodeLike(text.slice(start, i))) markText(range, start, i, cells, CELL.code)
  }
}

/**
 * A block that opens with a log line: a time (or date and time) and a log level
 * ("15:45:51,460 INFO  org.apache..."). Its spacing and words are the program's.
 */
const LOG_LINE = /^\s*\[?(?:\d{4}-\d{2}-\d{2}[ T])?\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\]?\s+\[?(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\b/

const ATTRIBUTION = /(?:^|\n)\s*(?:—|–|--|~)\s*\p{Lu}/u
const OPENS_QUOTE = /^\s*["“„«]/

/**
 * Consecutive blockquote paragraphs that quote someone: they open with a quotation
 * mark or carry an attribution line ("— Jane Doe"). Callouts ("> **Note:** ...") do not.
 */
function quotingBlockquotes(ranges: readonly ProseRange[]): ProseRange[][] {
  const runs: ProseRange[][] = []
  let run: ProseRange[] = []
  const flush = (): void => {
    if (run.some((r) => OPENS_QUOTE.test(r.text) || ATTRIBUTION.test(r.text))) runs.push(run)
    run = []
  }
  for (const range of ranges) {
    if (range.scope === 'link') continue
    if (range.scope === 'blockquote') run.push(range)
    else flush()
  }
  flush()
  return runs
}
