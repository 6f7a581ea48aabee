/**
 * Applies a suggestion the way GitHub does: lines startLine..line of the file become
 * the block's lines (none, for an empty block). Each line keeps the file's own
 * terminator: new lines take the one of the replaced lines, so a CRLF post stays CRLF.
 * Returns the file unchanged when the body has no suggestion block.
 */
export function applySuggestion(file: string, suggestion: { startLine: number; line: number; body: string }): string {
  const block = suggestionLines(suggestion.body)
  if (block === undefined) return file
  // Lines end at "\n" only, as for git and GitHub; a "\r" before it is part of the terminator.
  const lines = file.match(/[^\n]*\n|[^\n]+$/g) ?? []
  const { startLine, line } = suggestion
  if (startLine < 1 || line < startLine || line > lines.length) throw new RangeError(`lines ${startLine}-${line} are not in a file of ${lines.length} lines`)
  const replaced = lines.slice(startLine - 1, line)
  const eolOf = (l: string): string => /\r?\n$/.exec(l)?.[0] ?? ''
  const lastEol = eolOf(replaced.at(-1) ?? '')
  // Inside the block, reuse the first terminator the replaced lines (or the file) have.
  const innerEol = replaced.map(eolOf).find((e) => e !== '') ?? lines.map(eolOf).find((e) => e !== '') ?? '\n'
  const next = block.map((text, i) => text + (i === block.length - 1 ? lastEol : innerEol))
  return [...lines.slice(0, startLine - 1), ...next, ...lines.slice(line)].join('')
}

/** The content of the first ```suggestion block of a comment body, without its fences ('' for a deletion). */
export function suggestionContent(body: string): string | undefined {
  return suggestionLines(body)?.join('\n')
}

/** The lines of the first suggestion block: [] for an empty block, which deletes the lines. */
function suggestionLines(body: string): string[] | undefined {
  // The closing fence is the opening fence again, alone on its line (CommonMark).
  const m = /^(`{3,})suggestion[ \t]*\r?\n(?:([\s\S]*?)\r?\n)??\1[ \t]*$/m.exec(body)
  if (!m) return undefined
  return m[2] === undefined ? [] : m[2].split(/\r?\n/)
}
