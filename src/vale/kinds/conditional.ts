import type { ValeRuleDef } from '../load-styles.js'
import { exceptionRegex, fileCheck, isException, matchAlert, matchAll, readScope, ruleRegex, type CheckEnv, type ValeAlert, type ValeCheck } from './common.js'

/**
 * `conditional`: every match of `first` needs a match of `second` in the file. With a
 * capture group in `second`, `first`'s text must be among what it captured (an acronym
 * and its definition) in its own block or an earlier one: Vale lints blocks in order and
 * records definitions as it goes, so an acronym used a paragraph before its definition is
 * flagged. Without a group, `second` must merely be present.
 */
export function conditional(def: ValeRuleDef, env: CheckEnv): ValeCheck {
  const f = def.fields
  const ignoreCase = f['ignorecase'] === true
  const first = ruleRegex(def, 'first', String(f['first'] ?? ''), ignoreCase)
  const second = ruleRegex(def, 'second', String(f['second'] ?? ''), ignoreCase)
  const except = exceptionRegex(def, env, ignoreCase)
  return fileCheck(def, readScope(f['scope']), (blocks) => {
    if (second.groups === 0 && blocks.some((b) => !matchAll(second, b.range.text).next().done)) return []
    const defined = new Set<string>()
    const out: ValeAlert[] = []
    for (const block of blocks) {
      for (const m of matchAll(second, block.range.text)) for (const g of m.slice(1)) if (g !== undefined) defined.add(g)
      for (const m of matchAll(first, block.range.text)) {
        const text = m[1] ?? m[0]
        if (second.groups > 0 && defined.has(text)) continue
        if (isException(except, text)) continue
        out.push(matchAlert(def, block, m, text))
      }
    }
    return out
  })
}
