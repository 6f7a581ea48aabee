import { escapeRegExp } from '../../core/escape-regexp.js'
import type { ValeRuleDef } from '../load-styles.js'
import { fileCheck, formatMessage, readScope, matchAll, ruleRegex, type ValeAlert, type ValeCheck } from './common.js'

/**
 * `consistency`: once both spellings of a pair have appeared in the file (in this block or
 * an earlier one), each block holding either gets one alert, on its last match: Vale
 * records which side each match took as it lints blocks in order, and alerts a block when
 * every side has been seen. So a block written in the spelling the file began with is
 * flagged too, once the other spelling has appeared ("colour" after "color" and "colour").
 */
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
      const seen = new Set<number>()
      for (const block of blocks) {
        let last: RegExpExecArray | undefined
        for (const m of matchAll(re, block.range.text)) {
          seen.add(m[1] !== undefined ? 1 : 2)
          last = m
        }
        if (!last || seen.size < 2) continue
        const words = last[0]
        const at = firstStanding(block.range.text, words) ?? last.index
        out.push({ block, start: at, end: at + words.length, message: formatMessage(def.message, words) })
      }
    }
    return out
  })
}

/**
 * Where Vale puts an alert whose words it searches for in the block: their first
 * occurrence standing as a word (not inside a longer one), else their first occurrence.
 */
function firstStanding(text: string, words: string): number | undefined {
  const standing = new RegExp(`(?:(?<=_)|^|\\b)${escapeRegExp(words)}(?=_|\\b|$)`).exec(text)
  if (standing) return standing.index
  const i = text.indexOf(words)
  return i < 0 ? undefined : i
}
