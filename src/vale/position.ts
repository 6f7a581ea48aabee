/** 1-based line and column as Vale prints them: the column counts characters (code points), not UTF-16 units. */
export function valePosition(source: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = source.indexOf('\n'); i >= 0 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  let column = 1
  for (let i = lineStart; i < offset; i++) {
    const code = source.charCodeAt(i)
    // The second half of a surrogate pair is the same character.
    if (code < 0xdc00 || code > 0xdfff || i === lineStart) column++
  }
  return { line, column }
}

/** A finding's columns recounted in characters, for output compared with Vale's. */
export function withCharacterColumns<T extends { readonly span: { readonly start: Pt; readonly end: Pt } }>(finding: T, source: string): T {
  const start = valePosition(source, finding.span.start.offset)
  const end = valePosition(source, finding.span.end.offset)
  return { ...finding, span: { start: { ...finding.span.start, column: start.column }, end: { ...finding.span.end, column: end.column } } }
}

interface Pt {
  readonly line: number
  readonly column: number
  readonly offset: number
}
