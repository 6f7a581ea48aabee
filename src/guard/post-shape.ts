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
  /**
   * For each "]" in a paragraph, the parser's GFM footnote check looks back over the
   * paragraph to the last "[" (micromark-extension-gfm-footnote walks its events), so
   * closing brackets far from any opening one cost the square of their number: 20,000
   * lines of `x]` took 134 s. This bounds the characters looked back over, summed over a
   * paragraph's "]"s.
   */
  readonly maxBracketLookback?: number
}

/**
 * markdown-it stops nesting at 100 levels by default; 50,000 characters is 3x the longest
 * line seen in real posts. 5,000,000 characters looked back over cost the parser about
 * half a second; no post of the three blogs' corpora looks back over 1% of it.
 */
export const DEFAULT_LIMITS: PostLimits = { maxLineLength: 50_000, maxNesting: 100, maxBracketLookback: 5_000_000 }

export interface ShapeProblem {
  readonly line: number
  readonly reason: string
}

/** The first line that breaks a limit, or undefined. Linear in the length of the source. */
export function findShapeProblem(source: string, limits: PostLimits = DEFAULT_LIMITS): ShapeProblem | undefined {
  let bracketDepth = 0
  const lookback = closingBracketLookback(limits.maxBracketLookback ?? (DEFAULT_LIMITS.maxBracketLookback as number))
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
    const far = lookback.line(source, start, end, line)
    if (far) return far
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

/**
 * Sums, over each paragraph, how far back each "]" is from the last "[" (or from the
 * paragraph's start): what the footnote check walks. Lines in fenced code are not
 * parsed as inline text and are skipped; a blank line, a heading or a new list item
 * starts a new paragraph. A quote's lines continue one paragraph, as in the parser.
 */
function closingBracketLookback(limit: number) {
  let paragraphStart = 0
  let paragraphLine = 1
  let lastOpen = -1
  let total = 0
  let closing = 0
  let fence: string | undefined
  return {
    line(source: string, start: number, end: number, line: number): ShapeProblem | undefined {
      const first = firstInlineChar(source, start, end)
      const marker = fenceMarker(source, first, end)
      if (fence !== undefined) {
        if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined
        return undefined
      }
      if (marker !== undefined) {
        fence = marker
        return undefined
      }
      const c = source.charCodeAt(first)
      if (first >= end || c === 35 || listMarkerEnd(source, first, end) !== -1) {
        // A blank line ends the paragraph; a heading or a list item starts one.
        paragraphStart = first >= end ? end : start
        paragraphLine = first >= end ? line + 1 : line
        lastOpen = -1
        total = 0
        closing = 0
      }
      for (let i = first; i < end; i++) {
        const code = source.charCodeAt(i)
        if (code === BACKSLASH) i++
        else if (code === OPEN_SQUARE) lastOpen = i
        else if (code === CLOSE_SQUARE) {
          closing++
          total += i - Math.max(lastOpen, paragraphStart)
          if (total > limit) {
            return { line, reason: `the paragraph from line ${paragraphLine} to line ${line} has ${count(closing)} closing brackets "]", most far from an opening "[": the Markdown parser looks back over the paragraph for each one, a time that grows with the square of their number (over the limit of ${count(limit)} characters looked back over)` }
          }
        }
      }
      return undefined
    },
  }
}

/** Where a line's text starts, past its indentation and blockquote markers. */
function firstInlineChar(source: string, start: number, end: number): number {
  let i = start
  while (i < end && (isSpace(source.charCodeAt(i)) || source.charCodeAt(i) === GREATER)) i++
  return i
}

/** The fence (``` or ~~~, three or more) opening or closing a code block at `i`, if any. */
function fenceMarker(source: string, i: number, end: number): string | undefined {
  const c = source.charCodeAt(i)
  if (c !== 96 && c !== 126) return undefined
  let j = i
  while (j < end && source.charCodeAt(j) === c) j++
  return j - i >= 3 ? source.slice(i, j) : undefined
}

const BACKSLASH = 92
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
