import type { Root, RootContent } from 'mdast'
import { indexLines, lineContentEnd } from '../core/text-lines.js'
import type { LineFix } from '../core/types.js'

/**
 * The tree of `fixed` (`source` with whole-line `fixes` applied, as applyFixes does),
 * re-parsing only the top-level blocks the fixes touch, or undefined where that could
 * differ from parsing all of `fixed`. Fix safety re-lints every fixed post, and parsing
 * was half of that.
 *
 * Each run of touched blocks is re-parsed with its untouched neighbour on either side,
 * and is kept only if both neighbours come back as they were: then the fix closed no
 * construct before it and left none open after it (a list swallowing the next
 * paragraph, an unclosed fence), so the blocks beyond parse as before, only moved. The
 * one thing a block reads from elsewhere in a post is a reference definition (`[x]: url`,
 * footnotes), so a post with `]:` anywhere is parsed whole.
 */
export function spliceParse(tree: Root, source: string, fixes: readonly LineFix[], fixed: string, parse: (text: string) => Root): Root | undefined {
  if (fixes.length === 0 || source.includes(']:') || fixed.includes(']:') || source.includes('\r') || !same(tree.position, { start: { line: 1, column: 1, offset: 0 }, end: endOf(source) })) return undefined
  const children = tree.children
  const lines = indexLines(source)
  const ordered = [...fixes].sort((a, b) => a.startLine - b.startLine)
  // Runs of touched children, as [first, last] indexes, each widened by a neighbour.
  const windows: { first: number; last: number; touchedFirst: number; touchedLast: number; fixes: LineFix[] }[] = []
  for (const fix of ordered) {
    const touched = children.flatMap((c, i) => (lineOf(c, 'start') <= fix.endLine && lineOf(c, 'end') >= fix.startLine ? [i] : []))
    const [lo, hi] = [touched[0], touched.at(-1)]
    // A fix wholly on blank lines between blocks, or in the front matter, is left to a whole parse.
    if (lo === undefined || hi === undefined || lineOf(children[lo] as RootContent, 'start') > fix.startLine || lineOf(children[hi] as RootContent, 'end') < fix.endLine) return undefined
    if (touched.some((i) => FRONT_MATTER.has(children[i]?.type ?? ''))) return undefined
    const first = Math.max(0, lo - 1)
    const last = Math.min(children.length - 1, hi + 1)
    const previous = windows.at(-1)
    if (previous && first <= previous.last) {
      previous.last = Math.max(previous.last, last)
      previous.touchedLast = Math.max(previous.touchedLast, hi)
      previous.fixes.push(fix)
    } else windows.push({ first, last, touchedFirst: lo, touchedLast: hi, fixes: [fix] })
  }
  const out: RootContent[] = []
  let text = ''
  let copied = 0
  let next = 0
  let shift: Shift = { offset: 0, line: 0 }
  for (const w of windows) {
    const lead = w.first < w.touchedFirst ? children[w.first] : undefined
    const trail = w.last > w.touchedLast ? children[w.last] : undefined
    const firstLine = lineOf(children[w.first] as RootContent, 'start')
    const from = lines.starts[firstLine - 1] ?? 0
    // With no block before it, the piece must start where the post does: `---` opens front matter only there.
    if (!lead && from !== 0) return undefined
    // With no block after it, the piece runs to the end of the post: an unclosed fence would.
    const to = trail ? lineContentEnd(lines, lineOf(trail, 'end')) : source.length
    // Blocks between windows only move.
    for (; next < w.first; next++) out.push(moved(children[next] as RootContent, shift))
    text += source.slice(copied, from)
    const piece = applyInside(source, lines, from, to, w.fixes)
    // Front matter opens only where the post starts, and may close anywhere: only the post's own, unchanged, may start a piece.
    if (piece === undefined || ((from > 0 || !lead) && /^(?:---|\+\+\+)/.test(piece))) return undefined
    const at: Shift = { offset: text.length, line: firstLine - 1 + shift.line }
    text += piece
    copied = to
    const before = shift
    shift = { offset: text.length - to, line: before.line + newlines(piece) - newlines(source.slice(from, to)) }
    const parsed = parse(piece).children.map((node) => moved(node, at))
    if (lead && !(parsed[0] && same(parsed[0], moved(lead, before)))) return undefined
    if (trail && !(parsed.length > (lead ? 1 : 0) && same(parsed.at(-1), moved(trail, shift)))) return undefined
    out.push(...parsed)
    next = w.last + 1
  }
  text += source.slice(copied)
  if (text !== fixed) return undefined
  for (; next < children.length; next++) out.push(moved(children[next] as RootContent, shift))
  return { ...tree, children: out, position: { start: { line: 1, column: 1, offset: 0 }, end: endOf(fixed) } }
}

/** Where a parse puts the end of the root: the end of the text. */
function endOf(text: string): Point {
  return { line: newlines(text) + 1, column: text.length - text.lastIndexOf('\n'), offset: text.length }
}

const FRONT_MATTER = new Set(['yaml', 'toml'])

function lineOf(node: RootContent, side: 'start' | 'end'): number {
  return node.position?.[side].line ?? 0
}

function newlines(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++
  return n
}

/** source[from, to) with the fixes (all inside it) applied, as applyFixes would. */
function applyInside(source: string, lines: ReturnType<typeof indexLines>, from: number, to: number, fixes: readonly LineFix[]): string | undefined {
  let out = ''
  let at = from
  for (const fix of fixes) {
    const start = lines.starts[fix.startLine - 1] ?? 0
    const contentEnd = lineContentEnd(lines, fix.endLine)
    const end = fix.text === '' ? (lines.starts[fix.endLine] ?? contentEnd) : contentEnd
    if (start < at || end > to + (fix.text === '' ? 1 : 0)) return undefined
    out += source.slice(at, start) + fix.text
    at = end
  }
  if (at > to) return undefined
  return out + source.slice(at, to)
}

/** Deep equality of two syntax nodes (plain data: objects, arrays, strings, numbers, booleans, null). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  return ka.every((k) => Object.hasOwn(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

interface Shift {
  readonly offset: number
  readonly line: number
}

/** A copy of the node with every position moved (columns stay: whole lines move). */
function moved<T extends object>(node: T, by: Shift): T {
  if (by.offset === 0 && by.line === 0) return node
  const copy: Record<string, unknown> = { ...(node as Record<string, unknown>) }
  const position = copy['position'] as { start: Point; end: Point } | undefined
  if (position) copy['position'] = { start: movePoint(position.start, by), end: movePoint(position.end, by) }
  const children = copy['children']
  if (Array.isArray(children)) copy['children'] = children.map((c: object) => moved(c, by))
  return copy as T
}

interface Point {
  readonly line: number
  readonly column: number
  readonly offset?: number
}

function movePoint(p: Point, by: Shift): Point {
  return { line: p.line + by.line, column: p.column, ...(p.offset === undefined ? {} : { offset: p.offset + by.offset }) }
}
