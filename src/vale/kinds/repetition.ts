import type { ValeRuleDef } from '../load-styles.js'
import { actionFix } from '../action.js'
import type { ValeBlock } from '../vale-doc.js'
import { blockCheck, formatMessage, matchAll, readScope, ruleRegex, strings, type ValeAlert, type ValeCheck } from './common.js'

/** `repetition`: the same token twice in a row ("the the"), separated only by space. */
export function repetition(def: ValeRuleDef): ValeCheck {
  const f = def.fields
  const ignoreCase = f['ignorecase'] === true
  const alpha = f['alpha'] === true
  const max = Number(f['max'] ?? 0)
  const pattern = `(?:${strings(f['tokens']).join('|')})`
  const re = ruleRegex(def, 'tokens', ignoreCase ? `(?i)${pattern}` : pattern)
  const scope = readScope(f['scope'])
  const runBlock = (block: ValeBlock): ValeAlert[] => {
    const out: ValeAlert[] = []
    const text = block.range.text
    let prev = ''
    let prevStart = -1
    let prevEnd = -1
    let count = 0
    for (const m of matchAll(re, text)) {
      const curr = m[0].trim()
      const same = curr !== '' && (ignoreCase ? curr.toLowerCase() === prev.toLowerCase() : curr === prev)
      const between = prevEnd < 0 ? '' : text.slice(prevEnd, m.index)
      const hit = same && /^\s+$/.test(between) && !between.includes('\n\n') && (!alpha || /^\p{L}+$/u.test(curr))
      if (hit) {
        count++
        if (count > max) {
          const end = m.index + m[0].length
          const fix = actionFix(def, text.slice(prevStart, end), [text.slice(prevStart, prevEnd)])
          out.push({ block, start: prevStart, end, message: formatMessage(def.message, curr), ...(fix === undefined ? {} : { fix }) })
        }
      } else count = 0
      prev = curr
      prevStart = m.index
      prevEnd = m.index + m[0].length
    }
    return out
  }
  return blockCheck(def, scope, runBlock)
}
