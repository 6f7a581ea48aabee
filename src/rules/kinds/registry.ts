import type { RuleKind } from '../rule-file.js'
import { blankLineKind } from './blank-line.js'
import { duplicateKind } from './duplicate.js'
import { existenceKind } from './existence.js'
import { frontMatterKind } from './front-matter.js'
import { headingCaseKind } from './heading-case.js'
import { headingLevelsKind } from './heading-levels.js'
import type { KindDefinition } from './kind.js'
import { linksKind } from './links.js'
import { listItemsKind } from './list-items.js'
import { repetitionKind } from './repetition.js'
import { spellingKind } from './spelling.js'
import { substitutionKind } from './substitution.js'
import { termsKind } from './terms.js'
import { vaguePronounKind } from './vague-pronoun.js'

/** Every rule kind by its `extends:` name. A new kind is a file in this folder and a line here. */
export const RULE_KINDS: Readonly<Record<RuleKind, KindDefinition>> = {
  substitution: substitutionKind,
  existence: existenceKind,
  terms: termsKind,
  repetition: repetitionKind,
  'list-items': listItemsKind,
  'heading-case': headingCaseKind,
  spelling: spellingKind,
  duplicate: duplicateKind,
  'front-matter': frontMatterKind,
  links: linksKind,
  'vague-pronoun': vaguePronounKind,
  'blank-line': blankLineKind,
  'heading-levels': headingLevelsKind,
}
