import type { ValeRuleDef } from '../load-styles.js'
import { compileValeRegex, regexFor, type ValeRegex } from '../regex.js'
import type { ValeBlock } from '../vale-doc.js'
import { blockCheck, formatMessage, matchAll, readScope, type CheckEnv, type ValeAlert, type ValeCheck } from './common.js'

/**
 * Vale.Terms: an accepted term written in another case ("javascript" for "JavaScript")
 * is flagged with the accepted spelling. Entries are patterns; `(?i)` entries accept any case.
 */
export function terms(def: ValeRuleDef, env: CheckEnv): ValeCheck {
  const latest = new Map<string, string>()
  for (const a of env.accept) latest.set(a.toLowerCase(), a)
  const chosen = [...latest.values()].filter((a) => !a.startsWith('(?i)')).sort((a, b) => b.length - a.length)
  const entries = chosen.flatMap((a) => {
    try {
      return [{ term: a, loose: compileValeRegex(`(?i)(?<![\\p{L}\\p{N}_-])(?:${a})(?![\\p{L}\\p{N}_-])`), exact: compileValeRegex(`^(?:${a})$`) }]
    } catch {
      return []
    }
  })
  const exacts: ValeRegex[] = [...latest.values()].flatMap((a) => {
    try {
      return [compileValeRegex(`^(?:${a})$`)]
    } catch {
      return []
    }
  })
  const scope = readScope(def.fields['scope'])
  const runBlock = (block: ValeBlock): ValeAlert[] => {
    const out: ValeAlert[] = []
    const taken: [number, number][] = []
    for (const entry of entries) {
      for (const m of matchAll(entry.loose, block.range.text)) {
        const start = m.index
        const end = start + m[0].length
        if (exacts.some((r) => test(r, m[0]))) continue
        if (taken.some(([s, e]) => start < e && end > s)) continue
        taken.push([start, end])
        out.push({ block, start, end, message: formatMessage(def.message, entry.term, m[0]), ...(/^[\p{L}\p{N} .'-]+$/u.test(entry.term) ? { fix: entry.term } : {}) })
      }
    }
    return out.sort((a, b) => a.start - b.start)
  }
  return blockCheck(def, scope, runBlock)
}

function test(re: ValeRegex, text: string): boolean {
  const js = regexFor(re, text)
  js.lastIndex = 0
  return js.test(text)
}
