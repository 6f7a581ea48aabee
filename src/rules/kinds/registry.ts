import { bareUrlCheck, emptyLinkCheck, linkSchemeCheck, linkSyntaxCheck, linkTextLeadCheck, partialLinkTextCheck, vagueLinkTextCheck } from '../checks/links.js'
import { blankAfterHeadingCheck } from '../checks/blank-after-heading.js'
import { bodyH1Check } from '../checks/body-h1.js'
import { bulletMarkersCheck } from '../checks/bullet-markers.js'
import { ownSiteLinksCheck } from '../checks/own-site-links.js'
import { duplicateContentCheck } from '../checks/duplicate-content.js'
import { headingCaseCheck } from '../checks/heading-case.js'
import { finalPeriodCheck } from '../checks/final-period.js'
import { inPageAnchorCheck } from '../checks/in-page-anchor.js'
import { headingLevelsCheck } from '../checks/heading-levels.js'
import { lowercaseNamesCheck } from '../checks/lowercase-names.js'
import { nameConsistencyCheck } from '../checks/name-consistency.js'
import { listItemFragmentsCheck } from '../checks/list-item-fragments.js'
import { listItemPeriodsCheck } from '../checks/list-item-periods.js'
import { openerCommaCheck } from '../checks/opener-comma.js'
import { repeatedHeadingCheck } from '../checks/repeated-heading.js'
import { repeatedWordsCheck } from '../checks/repeated-words.js'
import { serialCommaCheck } from '../checks/serial-comma.js'
import { shortcodeBlankLineCheck } from '../checks/shortcode-blank-line.js'
import { spellingCheck } from '../checks/spelling.js'
import { titleHeadingCheck } from '../checks/title-heading.js'
import { vaguePronounCheck } from '../checks/vague-pronoun.js'
import { existenceKind } from './existence.js'
import { frontMatterKind } from './front-matter.js'
import type { KindDefinition } from './kind.js'
import { substitutionKind } from './substitution.js'
import { termsKind } from './terms.js'

/** Generic kinds (`extends: <kind>`): one kind serves any number of rules. A new one is a file in this folder (see defineKind) and a line here. */
export const GENERIC_KINDS = [substitutionKind, existenceKind, termsKind, frontMatterKind] as const

/** Built-in checks (`extends: builtin`, `check: <name>`): code for one thing. A new one is a file in src/rules/checks/ (see defineCheck) and a line here. */
export const BUILTIN_CHECKS = [
  repeatedWordsCheck,
  spellingCheck,
  headingCaseCheck,
  finalPeriodCheck,
  headingLevelsCheck,
  lowercaseNamesCheck,
  nameConsistencyCheck,
  listItemFragmentsCheck,
  listItemPeriodsCheck,
  duplicateContentCheck,
  titleHeadingCheck,
  repeatedHeadingCheck,
  bodyH1Check,
  blankAfterHeadingCheck,
  vagueLinkTextCheck,
  emptyLinkCheck,
  bareUrlCheck,
  partialLinkTextCheck,
  linkTextLeadCheck,
  inPageAnchorCheck,
  linkSyntaxCheck,
  linkSchemeCheck,
  shortcodeBlankLineCheck,
  vaguePronounCheck,
  serialCommaCheck,
  openerCommaCheck,
  bulletMarkersCheck,
  ownSiteLinksCheck,
] as const

export type RuleKind = (typeof GENERIC_KINDS)[number]['name'] | 'builtin'

const kinds = new Map<string, KindDefinition>(GENERIC_KINDS.map((k) => [k.name, k as unknown as KindDefinition]))
const checks = new Map<string, KindDefinition>(BUILTIN_CHECKS.map((k) => [k.name, k as unknown as KindDefinition]))

/** The kind or built-in check a rule file names; undefined for a name none has (say, a stale build cache). */
export function definitionOf(rule: { readonly extends: string; readonly check?: string }): KindDefinition | undefined {
  return rule.extends === 'builtin' ? checks.get(rule.check ?? '') : kinds.get(rule.extends)
}
