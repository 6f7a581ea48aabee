import type { ProseDoc } from '../markdown/prose-doc.js'
import { PLACEHOLDER } from '../markdown/align-text.js'
import type { ProseRange } from '../markdown/prose-doc.js'
import { compileValeRegex, regexFor } from './regex.js'
import { htmlTextBlocks } from './html-blocks.js'

/**
 * A post as Vale's rules see it: blocks of visible text, each tagged with the Vale
 * scopes it belongs to (`text`, `paragraph`, `heading.h2`, `list`, `table.cell`, ...),
 * built from the engine's prose ranges so every match maps back to source offsets.
 */
export interface ValeBlock {
  readonly scopes: ReadonlySet<string>
  readonly range: ProseRange
}

export interface ValeDoc {
  readonly source: string
  readonly blocks: readonly ValeBlock[]
  /** Source spans hidden by BlockIgnores / TokenIgnores: `raw` rules skip matches inside them. */
  readonly ignored: readonly (readonly [number, number])[]
  /** Code spans and blocks, for `scope: code`. */
  readonly code: readonly ValeBlock[]
}

const SCOPES: Record<ProseRange['scope'], readonly string[]> = {
  paragraph: ['text', 'paragraph'],
  blockquote: ['text', 'paragraph', 'blockquote'],
  list: ['text', 'list'],
  table: ['text', 'table'],
  heading: ['text', 'heading'],
  alt: ['text', 'alt'],
  link: ['link'],
  frontmatter: [],
}

/** HTML tags of SkippedScopes, as the engine's scopes they name. */
const SKIPPABLE: Record<string, string> = { blockquote: 'blockquote', li: 'list', ul: 'list', ol: 'list', table: 'table', td: 'table', th: 'table', p: 'paragraph', h1: 'heading.h1', h2: 'heading.h2', h3: 'heading.h3', h4: 'heading.h4', h5: 'heading.h5', h6: 'heading.h6' }

export function buildValeDoc(
  doc: ProseDoc,
  options: {
    blockIgnores: readonly string[]
    tokenIgnores: readonly string[]
    skippedScopes?: readonly string[]
    ignoredScopes?: readonly string[]
    ignoredClasses?: readonly string[]
  },
): ValeDoc {
  const skipped = (options.skippedScopes ?? []).flatMap((s) => (SKIPPABLE[s] === undefined ? [] : [SKIPPABLE[s]]))
  const ignored = [...spans(doc.source, options.blockIgnores, true), ...spans(doc.source, options.tokenIgnores, false), ...displayMath(doc.source)].sort(
    (a, b) => a[0] - b[0],
  )
  const inline = ignoredInline(doc, options.ignoredScopes ?? [], options.ignoredClasses ?? [])
  const ignoredScopes = options.ignoredScopes ?? []
  const hideStrong = ignoredScopes.some((s) => s === 'strong' || s === 'b')
  const hideEmphasis = ignoredScopes.some((s) => s === 'em' || s === 'i')
  const hidden = [...ignored, ...inline].sort((a, b) => a[0] - b[0])
  const blocks: ValeBlock[] = []
  const code = codeBlocks(doc.source)
  for (const range of [...(doc.frontMatter?.ranges ?? []), ...doc.ranges]) {
    const tags = range.scope === 'frontmatter' ? ['text', 'frontmatter', `text.frontmatter.${range.field ?? ''}`] : SCOPES[range.scope]
    if (tags.length === 0) continue
    const scopes = new Set(tags)
    if (range.scope === 'heading') scopes.add(`heading.h${range.depth ?? 1}`)
    if (range.scope === 'table') scopes.add(inHeaderRow(doc.source, range) ? 'table.header' : 'table.cell')
    if (skipped.some((s) => scopes.has(s))) continue
    const inText = [...(hideStrong ? (range.strong ?? []) : []), ...(hideEmphasis ? (range.emphasis ?? []) : [])]
    const masked = hidden.length === 0 && inText.length === 0 ? range : mask(range, hidden, inText)
    if (masked) blocks.push({ scopes, range: masked })
  }
  for (const html of htmlBlocks(doc)) {
    if (skipped.some((s) => html.scopes.has(s))) continue
    const masked = hidden.length === 0 ? html.range : mask(html.range, hidden)
    if (!masked) continue
    // In source order among the others: conditional and consistency read blocks in order, as Vale does.
    const at = startOf(html.range)
    const index = blocks.findIndex((b) => startOf(b.range) > at)
    blocks.splice(index < 0 ? blocks.length : index, 0, { scopes: html.scopes, range: masked })
  }
  return { source: doc.source, blocks, ignored, code }
}

function startOf(range: ProseRange): number {
  return range.offsets.find((o) => o >= 0) ?? -1
}

/**
 * The text of the post's raw HTML blocks (Vale lints it; see html-blocks.ts), in source
 * order with the other blocks' order kept. Declarations and processing instructions
 * (`<!DOCTYPE ...>`, `<?xml ...?>`) hold no text.
 */
function htmlBlocks(doc: ProseDoc): ValeBlock[] {
  const out: ValeBlock[] = []
  for (const { start, end } of doc.htmlBlocks) {
    if (/^<(?:\?|![^-])/.test(doc.source.slice(start, start + 3))) continue
    for (const block of htmlTextBlocks(doc.source, start, end)) out.push({ scopes: new Set(block.scopes), range: block.range })
  }
  return out
}

/**
 * Whether a table cell stands in the header row: the row right above the delimiter row
 * (`|:---|---:|`). Vale reads the HTML, where those cells are `th` (`table.header`) and
 * the others `td` (`table.cell`).
 */
function inHeaderRow(source: string, range: ProseRange): boolean {
  const at = range.offsets.find((o) => o >= 0)
  if (at === undefined) return false
  const lineEnd = source.indexOf('\n', at)
  if (lineEnd < 0) return false
  const nextEnd = source.indexOf('\n', lineEnd + 1)
  const next = source.slice(lineEnd + 1, nextEnd < 0 ? source.length : nextEnd)
  return /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/.test(next) && next.includes('-')
}

/** `$$ ... $$` display math blocks, which Vale does not lint (inline `$...$` stays prose: it is often currency). */
function displayMath(source: string): [number, number][] {
  if (!source.includes('$$')) return []
  const out: [number, number][] = []
  const re = /^[ \t]*\$\$[\s\S]*?\$\$[ \t]*$/gm
  for (let m = re.exec(source); m; m = re.exec(source)) out.push([m.index, m.index + m[0].length])
  return out
}

/** Source spans of matches of Vale ignore patterns (Go syntax); a broken pattern is skipped here, reported at load. */
function spans(source: string, patterns: readonly string[], block: boolean): [number, number][] {
  const out: [number, number][] = []
  for (const pattern of patterns) {
    let re: RegExp
    try {
      re = regexFor(compileValeRegex(block ? pattern : pattern), source)
    } catch {
      continue
    }
    re.lastIndex = 0
    for (let m = re.exec(source); m; m = re.exec(source)) {
      if (m[0].length === 0) {
        re.lastIndex++
        continue
      }
      out.push([m.index, m.index + m[0].length])
    }
  }
  return out
}

/**
 * Source spans of inline markup that IgnoredScopes and IgnoredClasses take out of the
 * prose: link text (`link`, `a`) and elements whose HTML `class` is listed. Bold text
 * (`strong`, `b`) and emphasis (`em`, `i`) are found per range, in text offsets.
 */
function ignoredInline(doc: ProseDoc, scopes: readonly string[], classes: readonly string[]): [number, number][] {
  const out: [number, number][] = []
  if (scopes.some((s) => s === 'link' || s === 'a')) {
    for (const link of doc.links) if (!link.bare && link.textEnd !== undefined) out.push([link.start, link.textEnd])
  }
  if (classes.length > 0 && doc.source.includes('class')) {
    const open = /<([A-Za-z][\w-]*)\b[^<>]*?\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')[^<>]*>/g
    for (let m = open.exec(doc.source); m; m = open.exec(doc.source)) {
      const names = (m[2] ?? m[3] ?? '').split(/\s+/)
      if (!names.some((n) => classes.includes(n))) continue
      const close = doc.source.indexOf(`</${m[1] as string}>`, m.index + m[0].length)
      if (close >= 0) out.push([m.index, close])
    }
  }
  return out
}

/** The range with characters from ignored spans turned into one placeholder per run, as Vale turns them into code. */
function mask(range: ProseRange, ignored: readonly (readonly [number, number])[], textSpans: readonly (readonly [number, number])[] = []): ProseRange | undefined {
  const { text, offsets } = range
  const first = offsets.find((o) => o >= 0)
  if (first === undefined) return range
  let changed = false
  let out = ''
  const map: number[] = []
  let inRun = false
  for (let i = 0; i < text.length; i++) {
    const o = offsets[i] as number
    const hidden = (o >= 0 && ignored.some(([s, e]) => o >= s && o < e)) || textSpans.some(([s, e]) => i >= s && i < e)
    if (hidden) {
      changed = true
      if (!inRun) {
        out += PLACEHOLDER
        map.push(-1)
      }
      inRun = true
      continue
    }
    inRun = false
    out += text[i]
    map.push(o)
  }
  if (!changed) return range
  if (out.split('').every((c) => c === PLACEHOLDER || /\s/.test(c))) return undefined
  return { ...range, text: out, offsets: Int32Array.from(map) }
}

/** Fenced and indented code blocks and inline code spans, found in the source, as blocks of scope `code`. */
function codeBlocks(source: string): ValeBlock[] {
  const out: ValeBlock[] = []
  const fence = /^( {0,3})(`{3,}|~{3,})[^\n]*\n([\s\S]*?)^ {0,3}\2[`~]*[ \t]*$/gm
  const fenced: [number, number][] = []
  for (let m = fence.exec(source); m; m = fence.exec(source)) {
    const start = m.index + m[0].indexOf('\n') + 1
    const body = m[3] as string
    fenced.push([m.index, m.index + m[0].length])
    out.push(identityBlock(source, start, start + body.length, 'code'))
  }
  const inline = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g
  for (let m = inline.exec(source); m; m = inline.exec(source)) {
    const at = m.index
    if (fenced.some(([s, e]) => at >= s && at < e)) continue
    const start = at + (m[1] as string).length
    out.push(identityBlock(source, start, start + (m[2] as string).length, 'code'))
  }
  return out.sort((a, b) => (a.range.offsets[0] ?? 0) - (b.range.offsets[0] ?? 0))
}

function identityBlock(source: string, start: number, end: number, scope: string): ValeBlock {
  const offsets = new Int32Array(end - start)
  for (let i = 0; i < offsets.length; i++) offsets[i] = start + i
  return { scopes: new Set([scope]), range: { scope: 'paragraph', text: source.slice(start, end), offsets } }
}

/**
 * Sentences of a block, as [start, end) in its text. Vale splits with a trained
 * tokenizer; a sentence here ends at `.`, `?` or `!` followed by space and a capital,
 * digit or quote, except after common abbreviations and single initials.
 */
export function sentences(text: string): [number, number][] {
  const out: [number, number][] = []
  let start = 0
  while (start < text.length && /\s/.test(text[start] as string)) start++
  const end = /[.?!]+["'”’)\]]*(?=\s+[A-Z0-9"'“‘([])/g
  for (let m = end.exec(text); m; m = end.exec(text)) {
    const stop = m.index + m[0].length
    const before = text.slice(Math.max(start, m.index - 12), m.index + 1)
    if (/(?:^|[\s(])(?:[A-Za-z]|e\.g|i\.e|etc|vs|Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Inc|Ltd|Co|No|Fig|approx|cf|al)\.$/.test(before)) continue
    out.push([start, stop])
    start = stop
    while (start < text.length && /\s/.test(text[start] as string)) start++
  }
  let last = text.length
  while (last > start && /\s/.test(text[last - 1] as string)) last--
  if (last > start) out.push([start, last])
  return out
}
