import { indexLines, lineContentEnd } from '../core/text-lines.js'
import type { LineFix } from '../core/types.js'

/**
 * Applies whole-line fixes (each distinct range once), bottom-up so earlier lines keep
 * their numbers. As in a GitHub suggestion, empty text deletes the lines outright.
 */
export function applyFixes(source: string, fixes: readonly LineFix[]): string {
  const lines = indexLines(source)
  const unique = new Map<string, LineFix>()
  for (const fix of fixes) unique.set(`${fix.startLine}:${fix.endLine}`, fix)
  const ordered = [...unique.values()].sort((a, b) => b.startLine - a.startLine)
  let out = source
  let floor = Number.POSITIVE_INFINITY
  for (const fix of ordered) {
    if (fix.endLine >= floor) continue
    const from = lines.starts[fix.startLine - 1] ?? 0
    const contentEnd = lineContentEnd(lines, fix.endLine)
    const to = fix.text === '' ? (lines.starts[fix.endLine] ?? contentEnd) : contentEnd
    out = out.slice(0, from) + fix.text + out.slice(to)
    floor = fix.startLine
  }
  return out
}
