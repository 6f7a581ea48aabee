import type { ConfigError } from '../config/config-error.js'
import type { FixTier, Scope, Severity } from '../core/types.js'
import type { ProseDoc } from '../markdown/prose-doc.js'
import type { ProseRange } from '../markdown/prose-doc.js'
import { definitionOf } from './kinds/registry.js'
import { PatternFacts } from './match/pattern-facts.js'
import { PhraseIndex } from './match/phrase-index.js'
import { PatternError } from './match/phrase-pattern.js'
import { postNamesMemo } from './names/post-names.js'
import type { RuleFile } from './rule-file.js'
import type { RuleMatch } from './rule-match.js'
import type { Dictionary } from '../spelling/dictionary.js'

export interface CompiledRule {
  readonly id: string
  readonly file: string
  readonly severity: Severity
  /** How sure the rule's fix is (absent: `review`). */
  readonly fixTier?: FixTier
  /** Report inside quotations too (a Vale style: Vale reports there); the fix is still kept off them. */
  readonly lintsQuotations?: boolean
  readonly message: string
  readonly description?: string
  readonly url?: string
  readonly check: (doc: ProseDoc) => RuleMatch[]
}

/** What rules share: every term spelled right, so no rule "corrects" a term's case. */
export interface RuleContext {
  readonly extraTerms: readonly string[]
  readonly accept: readonly string[]
  /** What is known of the rules' patterns (the bundled rules' come from the build); what this compile learns is kept apart. */
  readonly patterns?: PatternFacts
  /** Names kept as written (the house style's terms): no rule corrects them, but no rule enforces them either. */
  readonly keptTerms?: readonly string[]
  /** The English dictionary the entry point opened, for the rules that check words. */
  readonly dictionary: Dictionary
  /** The blog's own addresses, from the config's `site:`. */
  readonly sites?: readonly string[]
}

const DEFAULT_SCOPES: readonly Scope[] = ['paragraph', 'heading', 'list', 'blockquote', 'alt']

export function compileRules(files: readonly RuleFile[], context: RuleContext): { rules: CompiledRule[]; errors: ConfigError[]; patterns: PatternFacts } {
  const allTerms = [...files.flatMap((f) => (f.extends === 'terms' ? (f.terms ?? []).map((t) => (typeof t === 'string' ? t : t.term)) : [])), ...context.extraTerms, ...(context.keptTerms ?? [])]
  const termWords = new Set(allTerms.flatMap((t) => t.split(/\s+/)))
  // One phrase walk per range serves every phrase rule of this rule set.
  const patterns = context.patterns?.child() ?? new PatternFacts()
  const phrases = new PhraseIndex(patterns)
  const findTerms = allTerms.length > 0 ? phrases.add(allTerms, { ignoreCase: false }) : undefined
  const namesOf = postNamesMemo(findTerms, context.dictionary.checker)
  const termsOwner = configTermsRule(files)
  const rules: CompiledRule[] = []
  const errors: ConfigError[] = []
  for (const file of files) {
    const kind = definitionOf(file)
    const unknown = unknownPlaceholders(file.message)
    if (unknown.length > 0) {
      errors.push({ file: file.file, path: 'message', message: `unknown placeholder ${unknown.map((p) => `{${p}}`).join(', ')}: a message may use ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}` })
      continue
    }
    try {
      const inScope = scopeFilter(file)
      const env = { dictionary: context.dictionary, accept: context.accept, sites: context.sites ?? [], extraTerms: file === termsOwner ? context.extraTerms : [], termWords, findTerms, namesOf, phrases, rangesOf: (doc: ProseDoc) => inRanges(doc, inScope) }
      if (!kind) throw new Error(`unknown kind "${file.extends}"${'check' in file ? ` (check "${file.check}")` : ''}`)
      // The rule was validated against this very kind's schema (its `extends` and `check` picked it).
      const check = kind.compile(file as never, env)
      rules.push(compiledRule(file, check))
    } catch (error) {
      // One broken rule is reported and left out; the others still run.
      if (error instanceof PatternError) errors.push({ file: file.file, path: patternPath(file, kind?.patternField ?? 'tokens', error.phrase), message: error.message })
      else errors.push({ file: file.file, path: '', message: `cannot compile the rule: ${error instanceof Error ? error.message : String(error)}` })
    }
  }
  return { rules, errors, patterns }
}

/**
 * The one rule that checks the config's `terms:`: the `terms` rule. A repository that
 * turned it off for a list of its own gets them checked by its own rule of the kind,
 * whatever the file is called: the last one loaded, as a repository's rules load after
 * the bundled ones (the generated product-names list is bundled, and is no owner).
 */
function configTermsRule(files: readonly RuleFile[]): RuleFile | undefined {
  const ofKind = files.filter((f) => f.extends === 'terms')
  return ofKind.find((f) => f.id === 'terms') ?? [...ofKind].reverse().find((f) => (f.terms?.length ?? 0) > 0) ?? ofKind.at(-1)
}

/** The field path of the phrase a PatternError names (`tokens.3`, `swap.<pattern>`), so the error can name its line. */
function patternPath(file: RuleFile, field: string, phrase: string): string {
  const value = (file as unknown as Record<string, unknown>)[field]
  if (Array.isArray(value)) return value.indexOf(phrase) >= 0 ? `${field}.${value.indexOf(phrase)}` : field
  return value !== null && typeof value === 'object' && phrase in value ? `${field}.${phrase}` : field
}

/** What a rule's message may name; toFinding fills them in. */
export const PLACEHOLDERS = ['actual', 'expected', 'line'] as const

function unknownPlaceholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name))
}

function compiledRule(file: RuleFile, check: (doc: ProseDoc) => RuleMatch[]): CompiledRule {
  return {
    id: file.id,
    file: file.file,
    severity: file.level ?? 'warning',
    fixTier: file.fix ?? 'review',
    message: file.message,
    ...(file.description === undefined ? {} : { description: file.description }),
    ...(file.link === undefined ? {} : { url: file.link }),
    check,
  }
}

function scopeFilter(file: RuleFile): (range: ProseRange) => boolean {
  const scopes = new Set<Scope>(('scope' in file ? file.scope : undefined) ?? DEFAULT_SCOPES)
  const fields = new Set(('frontmatter' in file ? file.frontmatter : undefined) ?? [])
  return (range) => (range.scope === 'frontmatter' ? fields.has(range.field ?? '') : scopes.has(range.scope))
}

function inRanges(doc: ProseDoc, inScope: (range: ProseRange) => boolean): ProseRange[] {
  const all = doc.frontMatter ? [...doc.frontMatter.ranges, ...doc.ranges] : doc.ranges
  return all.filter(inScope)
}
