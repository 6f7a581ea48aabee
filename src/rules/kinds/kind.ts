import { z } from 'zod'
import type { ProseDoc } from '../../markdown/prose-doc.js'
import type { ProseRange } from '../../markdown/prose-doc.js'
import type { PhraseIndex, PhraseMatcher } from '../match/phrase-index.js'
import type { PostNames } from '../names/post-names.js'
import type { Dictionary } from '../../spelling/dictionary.js'
import type { RuleMatch } from '../rule-match.js'
import { commonFields } from './common-fields.js'

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
  /** What the post treats as a proper name: one answer for every rule, computed once per post. */
  readonly namesOf: (doc: ProseDoc) => PostNames
  /** The prose ranges of a post in this rule's scope (and front-matter fields). */
  readonly rangesOf: (doc: ProseDoc) => ProseRange[]
  /** The English dictionary the entry point opened. */
  readonly dictionary: Dictionary
  /** The blog's own addresses, from the config's `site:` ("https://flink.apache.org"). */
  readonly sites: readonly string[]
}

/** Where a validated rule came from: the id is the file's base name. */
export interface RuleOrigin {
  readonly id: string
  readonly file: string
  /** Lines (1-based) of the `examples` field and of each example, when the rule was read from YAML. */
  readonly lines?: { readonly examples: number; readonly example: readonly number[] }
}

/** The schema of one generic kind's rule files: the common fields, `extends: <name>`, and the kind's own options (no other field). */
export function kindSchema<const K extends string, const O extends z.ZodRawShape>(name: K, options: O) {
  return z.strictObject({ extends: z.literal(name), ...commonFields, ...options })
}

/** The schema of one built-in check's rule files: `extends: builtin`, `check: <name>`, the common fields and the check's options. */
export function checkSchema<const K extends string, const O extends z.ZodRawShape>(name: K, options: O) {
  return z.strictObject({ extends: z.literal('builtin'), check: z.literal(name), ...commonFields, ...options })
}

/**
 * A rule kind: its options schema and how to turn such a rule file into a checker.
 * Generic kinds (`extends: substitution`) are configured for any list of phrases or
 * fields; a built-in check (`extends: builtin`, `check: heading-levels`) is code for one
 * thing, which a rule file names, words and tunes.
 */
export interface KindDefinition<S extends z.ZodObject = z.ZodObject> {
  readonly name: string
  readonly summary: string
  readonly schema: S
  /** The field a PatternError refers to (default `tokens`). */
  readonly patternField?: string
  readonly compile: (rule: z.infer<S> & RuleOrigin, env: KindEnv) => DocChecker
}

interface Declaration<K extends string, O extends z.ZodRawShape, S> {
  readonly name: K
  readonly summary: string
  /** The fields only this kind reads. */
  readonly options: O
  /** Options of which a rule must give at least one. */
  readonly needsOneOf?: readonly (keyof O & string)[]
  readonly patternField?: string
  readonly compile: (rule: z.infer<S> & RuleOrigin, env: KindEnv) => DocChecker
}

/** Declares a generic kind next to its checker, so the rule type, the validation and rules/rule.schema.json come from one place. */
export function defineKind<const K extends string, const O extends z.ZodRawShape>(
  declaration: Declaration<K, O, ReturnType<typeof kindSchema<K, O>>>,
): KindDefinition<ReturnType<typeof kindSchema<K, O>>> {
  return withSchema(declaration, kindSchema(declaration.name, declaration.options))
}

/** Declares a built-in check next to its checker (see defineKind). */
export function defineCheck<const K extends string, const O extends z.ZodRawShape>(
  declaration: Declaration<K, O, ReturnType<typeof checkSchema<K, O>>>,
): KindDefinition<ReturnType<typeof checkSchema<K, O>>> {
  return withSchema(declaration, checkSchema(declaration.name, declaration.options))
}

function withSchema<O extends z.ZodRawShape, S extends z.ZodObject>(declaration: Declaration<string, O, S>, schema: S): KindDefinition<S> {
  const { options: _options, needsOneOf, ...rest } = declaration
  if (!needsOneOf) return { ...rest, schema }
  const given = (rule: Record<string, unknown>): boolean => needsOneOf.some((field) => rule[field] !== undefined)
  return {
    ...rest,
    schema: schema
      .refine(given, { error: `needs at least one of the fields ${needsOneOf.join(', ')}` })
      .meta({ anyOf: needsOneOf.map((field) => ({ required: [field] })) }),
  }
}

/** A kind's own options, as its checker reads them. */
export type KindOptions<O extends z.ZodRawShape> = z.infer<z.ZodObject<O>>

/** The common case: the kind checks the ranges in the rule's scope. */
export function overRanges(env: KindEnv, checker: RangeChecker): DocChecker {
  return (doc) => checker(env.rangesOf(doc))
}
