import type { LineFix } from '../core/types.js'

/**
 * A GitHub suggestion block for a whole-line fix. The fence is longer than any
 * backtick run in the text (GitHub's own button gets this wrong), and line endings
 * are LF inside the block: GitHub keeps the file's own endings when it applies it.
 */
export function buildSuggestion(fix: LineFix): string {
  const text = fix.text.replace(/\r\n/g, '\n')
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return text === '' ? `${fence}suggestion\n${fence}` : `${fence}suggestion\n${text}\n${fence}`
}
