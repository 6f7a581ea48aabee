import { indexLines, lineText } from '../core/text-lines.js'
import type { LineFix } from '../core/types.js'

/**
 * A GitHub suggestion block for a whole-line fix, or null when the fix would leave the
 * lines as they are (a suggestion that changes nothing only costs the author a click).
 * LF inside the block: GitHub writes the file's own line endings when it applies it.
 */
export function buildSuggestion(fix: LineFix, source: string): string | null {
  const text = fix.text.replace(/\r\n/g, '\n')
  const lines = indexLines(source)
  const current = Array.from({ length: fix.endLine - fix.startLine + 1 }, (_, i) => lineText(lines, fix.startLine + i)).join('\n')
  if (text === current) return null
  return fencedBlock('suggestion', text)
}

/**
 * A fenced code block whose fence is longer than any backtick run in the text, so a
 * post's own ``` fences cannot close it early (GitHub's own button gets this wrong).
 * Empty text gives an empty block, which in a suggestion deletes the lines.
 */
export function fencedBlock(info: string, text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return text === '' ? `${fence}${info}\n${fence}` : `${fence}${info}\n${text}\n${fence}`
}
