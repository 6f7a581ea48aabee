/**
 * Applies a suggestion the way GitHub does: lines startLine..line of the file become
 * the block's lines (none, for an empty block), and the file keeps its line endings.
 */
export function applySuggestion(file: string, suggestion: { startLine: number; line: number; body: string }): string {
  const eol = file.includes('\r\n') ? '\r\n' : '\n'
  const lines = file.split(/\r?\n/)
  const block = suggestionContent(suggestion.body)
  if (block === undefined) return file
  const replacement = block === '' ? [] : block.split('\n')
  lines.splice(suggestion.startLine - 1, suggestion.line - suggestion.startLine + 1, ...replacement)
  return lines.join(eol)
}

/** The content of the first ```suggestion block of a comment body, without its fences. */
export function suggestionContent(body: string): string | undefined {
  const m = /^(`{3,})suggestion\n([\s\S]*?)\n?\1$/m.exec(body)
  if (!m) return undefined
  return m[2] ?? ''
}
