import type { ValeAlert } from './kinds/common.js'
import { sentences } from './vale-doc.js'

const TOKENS = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu

/**
 * Where Vale puts an alert whose matched text is nowhere in the file as written (it
 * crosses inline markup: "in](url) in" read as "in in"). Vale finds each alert by
 * searching its text in the source; when that fails it takes the sentence holding the
 * match and reports column 1 of the first line that holds every word of it, even where
 * that line opens with markup (`# `, `- `). The source offset of that line's start is
 * returned (undefined: Vale would find the text, or no
 * line holds the sentence, and the alert stays where it matched). Only the reported
 * position moves: such an alert never carries a fix, since its source is not its text.
 */
export function valeGuessedStart(alert: ValeAlert, source: string): number | undefined {
  const { text, offsets } = alert.block.range
  const match = text.slice(alert.start, alert.end)
  if (match.trim() === '' || source.includes(match)) return undefined
  let target: [number, number] | undefined
  for (const [a, b] of sentences(text)) {
    const at = text.slice(a, b).indexOf(match)
    if (at > 0 || (at === 0 && b - a === match.length)) target = [a, b]
  }
  if (!target) return undefined
  const tokens = text.slice(target[0], target[1]).match(TOKENS) ?? []
  const known = Array.from(offsets).filter((o) => o >= 0)
  if (known.length === 0) return undefined
  let lineStart = source.lastIndexOf('\n', (known[0] as number) - 1) + 1
  const blockEnd = known[known.length - 1] as number
  while (lineStart <= blockEnd) {
    const newline = source.indexOf('\n', lineStart)
    const lineEnd = newline < 0 ? source.length : newline
    const line = source.slice(lineStart, lineEnd)
    if (tokens.every((t) => line.includes(t))) return lineStart
    lineStart = lineEnd + 1
  }
  return undefined
}
