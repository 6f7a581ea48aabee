import type { FixTier, Scope, Severity } from '../core/types.js'

export type RuleKind =
  | 'substitution' | 'existence' | 'terms' | 'repetition' | 'list-items'
  | 'heading-case' | 'duplicate' | 'front-matter' | 'spelling' | 'links' | 'blank-line' | 'heading-levels' | 'vague-pronoun'

export type TermSpec = string | { readonly term: string; readonly variants?: readonly string[]; readonly exactVariantsOnly?: boolean }

export type RuleExample =
  | { readonly bad: string; readonly fixed?: string; readonly flag?: true; readonly message?: string; readonly at?: string }
  | { readonly good: string }

/** A rule file as written by a maintainer (validated against rules/rule.schema.json). */
export interface RuleFile {
  readonly id: string
  readonly file: string
  readonly extends: RuleKind
  readonly message: string
  readonly description?: string
  readonly level?: Severity
  /** false: off unless the repository config gives the rule a level (opt-in). */
  readonly enabled?: boolean
  /** How sure the rule's fix is; a repository's own rule without it is `review`. */
  readonly fix?: FixTier
  readonly link?: string
  readonly scope?: readonly Scope[]
  readonly frontmatter?: readonly string[]
  readonly ignorecase?: boolean
  readonly regex?: boolean
  readonly nonword?: boolean
  readonly exceptions?: readonly string[]
  readonly swap?: Readonly<Record<string, string>>
  readonly tokens?: readonly string[]
  readonly replacement?: string
  readonly remove?: boolean
  readonly terms?: readonly TermSpec[]
  readonly lowercase?: readonly string[]
  readonly allow?: readonly string[]
  readonly maxGap?: number
  readonly relativize?: readonly string[]
  readonly sentenceStarters?: readonly string[]
  readonly minDepth?: number
  readonly minWords?: number
  readonly threshold?: number
  readonly required?: readonly string[]
  readonly dates?: readonly string[]
  readonly noTrailingPeriod?: readonly string[]
  readonly accept?: readonly string[]
  readonly check?: 'vague-text' | 'empty-target' | 'bare-url' | 'partial-text'
  readonly titleHeading?: boolean
  readonly examples: readonly RuleExample[]
}
