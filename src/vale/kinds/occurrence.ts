import type { ValeRuleDef } from '../load-styles.js'
import { fileCheck, formatMessage, matchAll, readScope, ruleRegex, type ValeAlert, type ValeCheck } from './common.js'

/** `occurrence`: too many (max) or too few (min) matches of one token in each scoped block. */
export function occurrence(def: ValeRuleDef): ValeCheck {
  const f = def.fields
  const token = typeof f['token'] === 'string' ? f['token'] : ''
  const re = ruleRegex(def, 'token', f['ignorecase'] === true ? `(?i)${token}` : token)
  const max = Number(f['max'] ?? 0)
  const min = Number(f['min'] ?? 0)
  return fileCheck(def, readScope(f['scope']), (blocks) => {
    const out: ValeAlert[] = []
    for (const block of blocks) {
      const hits = [...matchAll(re, block.range.text)]
      const count = hits.length
      if (!((max > 0 && count > max) || (min > 0 && count < min))) continue
      const first = hits[0]
      const last = hits[hits.length - 1]
      const start = first ? first.index : 0
      const end = last ? last.index + last[0].length : block.range.text.length
      out.push({ block, start, end: Math.max(end, start + 1), message: formatMessage(def.message, String(count)) })
    }
    return out
  })
}
