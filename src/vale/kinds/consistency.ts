import type { ValeRuleDef } from '../load-styles.js'
import { fileCheck, matchAlert, matchAll, readScope, ruleRegex, type ValeAlert, type ValeCheck } from './common.js'

/** `consistency`: once one spelling of a pair appears in the file, the other one is flagged. */
export function consistency(def: ValeRuleDef): ValeCheck {
  const f = def.fields
  const ignoreCase = f['ignorecase'] === true
  const either = typeof f['either'] === 'object' && f['either'] !== null ? Object.entries(f['either'] as Record<string, unknown>) : []
  const word = f['nonword'] !== true
  const pairs = either.map(([a, b]) => {
    const wrap = (p: string): string => (word ? `\\b(?:${p})\\b` : `(?:${p})`)
    const pattern = `(?m)(${wrap(a)})|(${wrap(String(b))})`
    return ruleRegex(def, 'either', ignoreCase ? `(?i)${pattern}` : pattern)
  })
  return fileCheck(def, readScope(f['scope']), (blocks) => {
    const out: ValeAlert[] = []
    for (const re of pairs) {
      let chosen = 0
      for (const block of blocks) {
        for (const m of matchAll(re, block.range.text)) {
          const side = m[1] !== undefined ? 1 : 2
          if (chosen === 0) chosen = side
          else if (side !== chosen) out.push(matchAlert(def, block, m))
        }
      }
    }
    return out
  })
}
