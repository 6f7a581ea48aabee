import type { ValeBlock } from './vale-doc.js'
import type { ValeAlert, ValeCheck } from './kinds/common.js'

const WORDS = /[\p{L}\p{N}_]+(?:['’][\p{L}\p{N}]+)*/gu

/**
 * Whether a Vale fix may become a suggestion. Vale never applies fixes, so its styles
 * were not written with that in mind; the fix must
 * - make no word that is not a whole word of the fix itself ("works.  Then" with a
 *   removal would become "workhen": refused),
 * - resolve its own alert, and raise no alert on the fixed text that was not there
 *   before, from any rule that reads one block at a time (no second fix would change it).
 */
export interface BlockAlert {
  readonly ruleId: string
  readonly message: string
}

export function fixIsSafe(alert: ValeAlert, ruleId: string, fix: string, checks: readonly ValeCheck[]): boolean {
  const text = alert.block.range.text
  const original = text.slice(alert.start, alert.end)
  if (fix === original) return false
  const fixed = text.slice(0, alert.start) + fix + text.slice(alert.end)
  if (!wordsComeFromFix(text, fixed, fix)) return false
  const offsets = new Int32Array(fixed.length).fill(-1)
  const block: ValeBlock = { scopes: alert.block.scopes, range: { ...alert.block.range, text: fixed, offsets } }
  let before = BEFORE.get(alert.block)
  if (!before) {
    before = runAll(alert.block, checks)
    BEFORE.set(alert.block, before)
  }
  const was = count(before)
  const now = count(runAll(block, checks))
  const own = ruleId
  for (const [key, n] of now) {
    const limit = (was.get(key) ?? 0) - (key === own ? 1 : 0)
    if (n > limit) return false
  }
  return true
}

function wordsComeFromFix(text: string, fixed: string, fix: string): boolean {
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

/** Every rule that reads one block, on this block whatever its scope: the same yardstick before and after the fix. */
function runAll(block: ValeBlock, checks: readonly ValeCheck[]): BlockAlert[] {
  return checks.flatMap((c) => (c.perBlock && c.runBlock ? c.runBlock(block).map((a) => ({ ruleId: c.def.id, message: a.message })) : []))
}

const BEFORE = new WeakMap<ValeBlock, BlockAlert[]>()

/** Alerts per rule; messages are not compared, as many quote the text the fix changes. */
function count(list: readonly BlockAlert[]): Map<string, number> {
  const m = new Map<string, number>()
  for (const a of list) m.set(a.ruleId, (m.get(a.ruleId) ?? 0) + 1)
  return m
}
