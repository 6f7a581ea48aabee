import type { ProseDoc } from '../../markdown/prose-doc.js'
import type { ProseRange } from '../../markdown/prose-doc.js'
import type { PhraseIndex, PhraseMatcher } from '../match/phrase-index.js'
import type { RuleFile } from '../rule-file.js'
import type { RuleMatch } from '../rule-match.js'

/** A checker over the prose ranges a rule applies to. */
export type RangeChecker = (ranges: readonly ProseRange[]) => RuleMatch[]
/** A checker over the whole post (its outline, front matter, paragraphs). */
export type DocChecker = (doc: ProseDoc) => RuleMatch[]

/** What a kind may use to compile one rule: what the rule set shares, and the rule's own scope. */
export interface KindEnv {
  /** Terms from the repository's config, given to the one rule that checks them (empty for every other rule). */
  readonly extraTerms: readonly string[]
  /** Words the repository's config accepts as spelled right. */
  readonly accept: readonly string[]
  /** Every word of every term of the rule set, so no rule "corrects" a term. */
  readonly termWords: ReadonlySet<string>
  readonly findTerms: PhraseMatcher | undefined
  /** One phrase walk per range serves every phrase rule of the rule set. */
  readonly phrases: PhraseIndex
  /** The prose ranges of a post in this rule's scope (and front-matter fields). */
  readonly rangesOf: (doc: ProseDoc) => ProseRange[]
}

/** One rule kind (`extends:` in a rule file): how to turn a rule file into a checker. */
export interface KindDefinition {
  /** The field a PatternError refers to (default `tokens`). */
  readonly patternField?: string
  readonly compile: (rule: RuleFile, env: KindEnv) => DocChecker
}

/** The common case: the kind checks the ranges in the rule's scope. */
export function overRanges(env: KindEnv, checker: RangeChecker): DocChecker {
  return (doc) => checker(env.rangesOf(doc))
}
