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
