import type { ValeAlert } from './kinds/common.js'

const WORDS = /[\p{L}\p{N}_]+(?:['’][\p{L}\p{N}]+)*/gu

/**
 * What a Vale fix must pass, beyond the engine's own fix checks, to become a suggestion.
 * The engine already re-lints every fixed line with every rule and drops a fix that
 * leaves its own finding or raises a new one (src/fix-safety/plan-fixes.ts), and keeps
 * fixes off code, quotations and markup. Vale styles, though, were written for a tool
 * that never applies fixes, so a removal may join the words on either side: with
 * Google.Spacing, "works.  Then" would become "workhen". A fix may make no word that is
 * not a word of the text already or of the fix itself.
 */
export function fixKeepsWords(alert: ValeAlert, fix: string): boolean {
  const text = alert.block.range.text
  if (fix === text.slice(alert.start, alert.end)) return false
  const fixed = text.slice(0, alert.start) + fix + text.slice(alert.end)
  const old = new Map<string, number>()
  for (const w of text.match(WORDS) ?? []) old.set(w, (old.get(w) ?? 0) + 1)
  const own = new Set(fix.match(WORDS) ?? [])
  for (const w of fixed.match(WORDS) ?? []) {
    const n = old.get(w) ?? 0
    if (n > 0) old.set(w, n - 1)
    else if (!own.has(w)) return false
  }
  return true
}
