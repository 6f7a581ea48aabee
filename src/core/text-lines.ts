import type { Point } from './types.js'

/**
 * Line index of a source text. Lines end at "\n"; a preceding "\r" belongs to the
 * terminator, so CRLF files keep their endings byte for byte when lines are rebuilt.
 */
export interface TextLines {
  /** Offset of the first character of each line (index 0 = line 1). */
  readonly starts: readonly number[]
  readonly source: string
}

export function indexLines(source: string): TextLines {
  const starts = [0]
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1)
  return { starts, source }
}

/** Offset just past the line's content, before its terminator. */
export function lineContentEnd(lines: TextLines, line: number): number {
  const next = lines.starts[line]
  if (next === undefined) return lines.source.length
  const lf = next - 1
  return lf > 0 && lines.source[lf - 1] === '\r' && lf - 1 >= (lines.starts[line - 1] ?? 0) ? lf - 1 : lf
}

export function lineText(lines: TextLines, line: number): string {
  return lines.source.slice(lines.starts[line - 1] ?? 0, lineContentEnd(lines, line))
}

export function pointAt(lines: TextLines, offset: number): Point {
  let lo = 0
  let hi = lines.starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((lines.starts[mid] ?? 0) <= offset) lo = mid
    else hi = mid - 1
  }
  return { line: lo + 1, column: offset - (lines.starts[lo] ?? 0) + 1, offset }
}
