/**
 * Cheap checks on a post's shape, run before parsing. Markdown parsers do work that grows
 * with nesting (every line re-enters every open container, a stack frame per level) and
 * some passes grow with line length, so a hostile post of a few hundred KB could hold a
 * process for minutes or overflow its stack. One linear scan refuses such a post with a
 * reason naming the line; real posts are far inside the limits (the largest line in three
 * blogs' 650 posts is 16,607 characters; their deepest nesting is under 10 levels).
 */

export interface PostLimits {
  /** Longest line, in UTF-16 code units. */
  readonly maxLineLength: number
  /** Deepest nesting of lists and blockquotes on a line, or of brackets within a paragraph. */
  readonly maxNesting: number
}

/** markdown-it stops nesting at 100 levels by default; 50,000 characters is 3x the longest line seen in real posts. */
export const DEFAULT_LIMITS: PostLimits = { maxLineLength: 50_000, maxNesting: 100 }

export interface ShapeProblem {
  readonly line: number
  readonly reason: string
}

/** The first line that breaks a limit, or undefined. Linear in the length of the source. */
export function findShapeProblem(source: string, limits: PostLimits = DEFAULT_LIMITS): ShapeProblem | undefined {
  let bracketDepth = 0
  let line = 1
  for (let start = 0; start <= source.length; line++) {
    const lf = source.indexOf('\n', start)
    const end = lf === -1 ? source.length : lf
    if (end - start > limits.maxLineLength) {
      return { line, reason: `line ${line} is ${count(end - start)} characters long, over the limit of ${count(limits.maxLineLength)}` }
    }
    const depth = containerDepth(source, start, end)
    if (depth > limits.maxNesting) {
      return { line, reason: `line ${line} nests lists or blockquotes ${count(depth)} levels deep, over the limit of ${limits.maxNesting}` }
    }
    if (isBlank(source, start, end)) bracketDepth = 0
    for (let i = start; i < end; i++) {
      const c = source.charCodeAt(i)
      if (c === OPEN_SQUARE || c === OPEN_ROUND) {
        if (++bracketDepth > limits.maxNesting) return { line, reason: `brackets on line ${line} nest more than ${limits.maxNesting} levels deep` }
      } else if ((c === CLOSE_SQUARE || c === CLOSE_ROUND) && bracketDepth > 0) bracketDepth--
    }
    if (lf === -1) break
    start = lf + 1
  }
  return undefined
}

const OPEN_SQUARE = 91
const CLOSE_SQUARE = 93
const OPEN_ROUND = 40
const CLOSE_ROUND = 41
const SPACE = 32
const TAB = 9
const GREATER = 62

/**
 * Container markers opening the line (">", "-", "*", "+", "1." or "1)"), plus one level per
 * two columns of indentation before a list marker (how nested lists are usually written).
 */
function containerDepth(source: string, start: number, end: number): number {
  let i = start
  let indent = 0
  while (i < end && isSpace(source.charCodeAt(i))) indent += source.charCodeAt(i++) === TAB ? 4 : 1
  let markers = 0
  let listMarkers = 0
  for (;;) {
    while (i < end && isSpace(source.charCodeAt(i))) i++
    if (i >= end) break
    const c = source.charCodeAt(i)
    if (c === GREATER) {
      markers++
      i++
      continue
    }
    const after = listMarkerEnd(source, i, end)
    if (after === -1) break
    markers++
    listMarkers++
    i = after
  }
  return listMarkers > 0 ? markers + Math.floor(indent / 2) : markers
}

/** Offset just past a list marker at `i` ("-", "*", "+", or up to 9 digits and "." or ")"), or -1. */
function listMarkerEnd(source: string, i: number, end: number): number {
  const c = source.charCodeAt(i)
  let j = i
  if (c === 45 || c === 42 || c === 43) j = i + 1
  else {
    while (j < end && j - i < 9 && isDigit(source.charCodeAt(j))) j++
    if (j === i) return -1
    const d = source.charCodeAt(j)
    if (d !== 46 && d !== 41) return -1
    j++
  }
  return j >= end || isSpace(source.charCodeAt(j)) ? j : -1
}

function isBlank(source: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i)
    if (!isSpace(c) && c !== 13) return false
  }
  return true
}

const isSpace = (c: number): boolean => c === SPACE || c === TAB
const isDigit = (c: number): boolean => c >= 48 && c <= 57
const count = (n: number): string => n.toLocaleString('en-US')
