import type { ValeRuleDef } from '../load-styles.js'
import { existence } from './existence.js'
import { ValeRuleError, type CheckEnv, type ValeCheck } from './common.js'

/**
 * `sequence`: tokens in order, each a pattern and optionally a part-of-speech tag. Tags
 * need Vale's tagger, which Bluepencil does not have, so a rule with tags is refused; a
 * sequence of plain patterns is the existence of those words in a row.
 */
export function sequence(def: ValeRuleDef, env: CheckEnv): ValeCheck {
  const tokens = Array.isArray(def.fields['tokens']) ? (def.fields['tokens'] as unknown[]) : []
  const parts: string[] = []
  for (const token of tokens) {
    const t = (typeof token === 'object' && token !== null ? token : {}) as Record<string, unknown>
    if (t['tag'] !== undefined) throw new ValeRuleError(def.file, def.lineOf('tokens'), 'sequence tokens with a part-of-speech tag are not supported (no tagger)')
    if (typeof t['pattern'] !== 'string' || t['negate'] === true || t['skip'] !== undefined) {
      throw new ValeRuleError(def.file, def.lineOf('tokens'), 'sequence tokens need a pattern (negate and skip are not supported)')
    }
    parts.push(`(?:${t['pattern']})`)
  }
  const joined = parts.join('\\s+')
  return existence({ ...def, fields: { ...def.fields, tokens: [joined], raw: undefined, nonword: false } }, env)
}
