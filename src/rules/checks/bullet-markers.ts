import type { ProseDoc, ProseRange } from '../../markdown/prose-doc.js'
import type { RuleMatch } from '../rule-match.js'
import { defineCheck } from '../kinds/kind.js'

/** One top-level bullet list: the source offset of each item's marker, and the marker. */
interface BulletList {
  readonly marker: string
  readonly markers: readonly number[]
  /** Index in doc.ranges of its first and last item. */
  readonly first: number
  readonly last: number
}

const MARKER_LINE = /^([-*+])[ \t]/

/**
 * The post's bullet lists use one marker (`-`, `*` or `+`), as markdownlint's MD004
 * "consistent" asks: where a marker opens at least twice as many of the post's top-level
 * bullet lists as every other marker together (and at least two), a list with another
 * marker gets the post's. The whole list is rewritten, markers only: nested lists and
 * continuation lines stay as written, and the marker keeps its width, so nothing moves.
 * A list right beside another list is left alone: with one marker the two would merge
 * into one list. Nested lists and lists in block quotes are not counted or changed.
 */
function bulletMarkers(doc: ProseDoc): RuleMatch[] {
  const lists = topLevelBulletLists(doc)
  const counts = new Map<string, number>()
  for (const list of lists) counts.set(list.marker, (counts.get(list.marker) ?? 0) + 1)
  const [major, majorCount] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0]
  const others = lists.length - majorCount
  if (others === 0 || majorCount < 2 || majorCount < 2 * others) return []
  const out: RuleMatch[] = []
  for (const list of lists) {
    if (list.marker === major || besideAnotherList(doc, list)) continue
    const start = list.markers[0] as number
    const end = (list.markers[list.markers.length - 1] as number) + 1
    const edits = list.markers.map((at) => ({ start: at, end: at + 1, text: major }))
    let replacement = ''
    let cursor = start
    for (const at of list.markers) {
      replacement += doc.source.slice(cursor, at) + major
      cursor = at + 1
    }
    out.push({ start, end, replacement, edits, message: `Start these items with \`${major}\`, as the post's other lists do.` })
  }
  return out
}

/** Lists whose items all start a line with a bullet marker in the first column, each item's first block a paragraph. */
function topLevelBulletLists(doc: ProseDoc): BulletList[] {
  const byId = new Map<number, { markers: number[]; chars: Set<string>; first: number; last: number; count: number }>()
  doc.ranges.forEach((range, index) => {
    if (!range.list || range.list.ordered) return
    const at = markerOf(doc, range)
    let list = byId.get(range.list.listId)
    if (!list) {
      list = { markers: [], chars: new Set(), first: index, last: index, count: range.list.itemCount }
      byId.set(range.list.listId, list)
    }
    list.last = index
    if (at === undefined) list.chars.add('')
    else {
      list.markers.push(at)
      list.chars.add(doc.source[at] as string)
    }
  })
  const out: BulletList[] = []
  for (const list of byId.values()) {
    const [marker] = list.chars
    // An item we cannot place (nested, quoted, opening with code) keeps the list out of the count.
    if (list.chars.size !== 1 || !marker || list.markers.length !== list.count) continue
    out.push({ marker, markers: list.markers, first: list.first, last: list.last })
  }
  return out
}

/** The source offset of the item's marker, when it opens a line in the first column. */
function markerOf(doc: ProseDoc, range: ProseRange): number | undefined {
  const offset = firstOffset(range)
  if (offset === undefined) return undefined
  const lineStart = doc.source.lastIndexOf('\n', offset - 1) + 1
  const prefix = doc.source.slice(lineStart, offset)
  return MARKER_LINE.test(prefix) && /^[-*+][ \t]+(?:\[[ xX]\][ \t]+)?[^\s]*$/.test(prefix) ? lineStart : undefined
}

function firstOffset(range: ProseRange): number | undefined {
  for (const offset of range.offsets) if (offset >= 0) return offset
  return undefined
}

/**
 * Another list (or anything indented, which may belong to one) directly before or after,
 * with only blank lines or markup without prose between: one marker would join them.
 */
function besideAnotherList(doc: ProseDoc, list: BulletList): boolean {
  const before = doc.ranges[list.first - 1]
  if (before && (before.list || indented(doc, before))) return true
  for (let i = list.last + 1; i < doc.ranges.length; i++) {
    const range = doc.ranges[i] as ProseRange
    // Indented prose after the last item is the item's own (a nested list, a second paragraph).
    if (indented(doc, range)) continue
    return range.list !== undefined
  }
  return false
}

function indented(doc: ProseDoc, range: ProseRange): boolean {
  const offset = firstOffset(range)
  if (offset === undefined) return true
  const lineStart = doc.source.lastIndexOf('\n', offset - 1) + 1
  return /^[ \t]/.test(doc.source.slice(lineStart, offset))
}

export const bulletMarkersCheck = defineCheck({
  name: 'bullet-markers',
  summary: "a bullet list whose marker differs from the one the post's other lists use",
  options: {},
  compile: () => bulletMarkers,
})
