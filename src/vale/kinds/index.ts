import type { ValeRuleDef } from '../load-styles.js'
import { capitalization } from './capitalization.js'
import { ValeRuleError, type CheckEnv, type ValeCheck } from './common.js'
import { conditional } from './conditional.js'
import { consistency } from './consistency.js'
import { existence } from './existence.js'
import { metric } from './metric.js'
import { occurrence } from './occurrence.js'
import { repetition } from './repetition.js'
import { sequence } from './sequence.js'
import { spelling } from './spelling.js'
import { substitution } from './substitution.js'
import { terms } from './terms.js'

/** One rule file to a check; a kind or field Bluepencil cannot honour is refused by name and line. */
export function compileCheck(def: ValeRuleDef, env: CheckEnv): ValeCheck {
  switch (def.extends) {
    case 'existence':
      return existence(def, env)
    case 'substitution':
      return substitution(def, env)
    case 'occurrence':
      return occurrence(def)
    case 'repetition':
      return repetition(def)
    case 'consistency':
      return consistency(def)
    case 'conditional':
      return conditional(def, env)
    case 'capitalization':
      return capitalization(def, env)
    case 'metric':
      return metric(def)
    case 'spelling':
      return spelling(def, env)
    case 'sequence':
      return sequence(def)
    case 'vale-terms':
      return terms(def, env)
    case 'script':
      throw new ValeRuleError(def.file, def.lineOf('extends'), "'script' rules (Tengo programs) are not supported")
    default:
      throw new ValeRuleError(def.file, def.lineOf('extends'), `unknown rule kind '${def.extends}'`)
  }
}
