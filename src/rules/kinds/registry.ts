import { blankLineKind } from './blank-line.js'
import { duplicateKind } from './duplicate.js'
import { existenceKind } from './existence.js'
import { frontMatterKind } from './front-matter.js'
import { headingCaseKind } from './heading-case.js'
import { headingLevelsKind } from './heading-levels.js'
import type { DocChecker, KindDefinition, KindEnv } from './kind.js'
import { linksKind } from './links.js'
import { listItemsKind } from './list-items.js'
import { repetitionKind } from './repetition.js'
import { spellingKind } from './spelling.js'
import { substitutionKind } from './substitution.js'
import { termsKind } from './terms.js'
import { vaguePronounKind } from './vague-pronoun.js'

/** Every rule kind (`extends:`). A new kind is a file in this folder (see defineKind) and a line here. */
export const RULE_KINDS = [
  substitutionKind,
  existenceKind,
  termsKind,
  repetitionKind,
  listItemsKind,
  headingCaseKind,
  spellingKind,
  duplicateKind,
  frontMatterKind,
  linksKind,
  vaguePronounKind,
  blankLineKind,
  headingLevelsKind,
] as const

export type RuleKind = (typeof RULE_KINDS)[number]['name']

const byName = new Map<string, KindDefinition>(RULE_KINDS.map((k) => [k.name, k as unknown as KindDefinition]))

/** The kind of a validated rule; undefined for a name no kind has (a stale cache). */
export function kindNamed(name: string): { readonly patternField?: string; readonly compile: (rule: never, env: KindEnv) => DocChecker } | undefined {
  return byName.get(name)
}
