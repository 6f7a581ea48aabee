import type { ValeRuleDef } from '../load-styles.js'
import { actionFix } from '../action.js'
import type { ValeBlock } from '../vale-doc.js'
import { acceptedPhrases, blockCheck, exceptionRegex, inAcceptedPhrase, formatMessage, shown, isException, matchAll, readScope, ruleRegex, strings, type CheckEnv, type ValeAlert, type ValeCheck } from './common.js'

/** Vale's pattern for word tokens, or the WordTemplate of the config. */
export function wordPattern(env: CheckEnv): string {
  return env.wordTemplate ?? '(?m)\\b(?:%s)\\b'
}

/**
 * `existence`: any match of the tokens is an alert. Tokens join into one alternation
 * (so group numbers run across them); `raw` is glued on unescaped, before the tokens
 * or after them with `append`.
 */
export function existence(def: ValeRuleDef, env: CheckEnv): ValeCheck {
  const f = def.fields
  const tokens = strings(f['tokens'])
  const raw = strings(f['raw']).join('')
  const ignoreCase = f['ignorecase'] === true
  const word = f['nonword'] !== true && tokens.length > 0
  let pattern = word ? wordPattern(env) : '(?m)(?:%s)'
  pattern = f['append'] === true ? pattern + raw : raw + pattern
  pattern = pattern.replace('%s', () => tokens.join('|'))
  if (ignoreCase) pattern = `(?i)${pattern}`
  const re = ruleRegex(def, tokens.length > 0 ? 'tokens' : 'raw', pattern)
  const except = exceptionRegex(def, env, ignoreCase)
  const phrases = acceptedPhrases(def, env)
  const scope = readScope(f['scope'])
  const runBlock = (block: ValeBlock): ValeAlert[] => {
    const out: ValeAlert[] = []
    for (const m of matchAll(re, block.range.text)) {
      if (isException(except, m[0]) || inAcceptedPhrase(phrases, block.range.text, m.index, m.index + m[0].length)) continue
      const fix = actionFix(def, m[0])
      out.push({ block, start: m.index, end: m.index + m[0].length, message: formatMessage(def.message, shown(block, m[0])), ...(fix === undefined ? {} : { fix }) })
    }
    return out
  }
  return blockCheck(def, scope, runBlock)
}
