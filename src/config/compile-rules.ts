import type { Scope, Severity } from '../core/types.js'
import { duplicate } from '../checks/duplicate.js'
import { frontMatter } from '../checks/front-matter.js'
import { headingCase } from '../checks/heading-case.js'
import { listItems } from '../checks/list-items.js'
import { links } from '../checks/links.js'
import { vaguePronoun } from '../checks/vague-pronoun.js'
import { blankLine } from '../checks/blank-line.js'
import { headingLevels } from '../checks/heading-levels.js'
import { PhraseIndex, type PhraseMatcher } from '../checks/phrase-index.js'
import { PatternError } from '../checks/phrase-pattern.js'
import { repetition } from '../checks/repetition.js'
import { spelling } from '../checks/spelling.js'
import { existence, substitution, type RangeChecker } from '../checks/substitution.js'
import { terms } from '../checks/terms.js'
import type { ProseDoc, RuleMatch } from '../checks/types.js'
import type { ProseRange } from '../markdown/prose-ranges.js'
import type { ConfigError, RuleFile } from './rule-file.js'

export interface CompiledRule {
  readonly id: string
  readonly file: string
  readonly severity: Severity
  readonly message: string
  readonly description?: string
  readonly url?: string
  readonly check: (doc: ProseDoc) => RuleMatch[]
}

/** What rules share: every term spelled right, so no rule "corrects" a term's case. */
export interface RuleContext {
  readonly extraTerms: readonly string[]
  readonly accept: readonly string[]
}

const DEFAULT_SCOPES: readonly Scope[] = ['paragraph', 'heading', 'list', 'blockquote', 'alt']

export function compileRules(files: readonly RuleFile[], context: RuleContext): { rules: CompiledRule[]; errors: ConfigError[] } {
  const allTerms = [...files.flatMap((f) => (f.extends === 'terms' ? (f.terms ?? []).map((t) => (typeof t === 'string' ? t : t.term)) : [])), ...context.extraTerms]
  const termWords = new Set(allTerms.flatMap((t) => t.split(/\s+/)))
  // One phrase walk per range serves every phrase rule of this rule set.
  const phrases = new PhraseIndex()
  const findTerms = allTerms.length > 0 ? phrases.add(allTerms, { ignoreCase: false }) : undefined
  const rules: CompiledRule[] = []
  const errors: ConfigError[] = []
  for (const file of files) {
    try {
      rules.push(compileRule(file, { context, termWords, findTerms, phrases }))
    } catch (error) {
      if (!(error instanceof PatternError)) throw error
      errors.push({ file: file.file, path: file.extends === 'substitution' ? 'swap' : 'tokens', message: error.message })
    }
  }
  return { rules, errors }
}

interface Shared {
  readonly context: RuleContext
  readonly termWords: ReadonlySet<string>
  readonly findTerms: PhraseMatcher | undefined
  readonly phrases: PhraseIndex
}

function compileRule(file: RuleFile, shared: Shared): CompiledRule {
  const inScope = scopeFilter(file)
  const perRange = (checker: RangeChecker) => (doc: ProseDoc) => checker(inRanges(doc, inScope))
  let check: (doc: ProseDoc) => RuleMatch[]
  switch (file.extends) {
    case 'substitution':
      check = perRange(substitution(file, shared.phrases))
      break
    case 'existence':
      check = perRange(existence(file, shared.phrases))
      break
    case 'terms':
      check = perRange(terms(file, file.id === 'terms' ? shared.context.extraTerms : [], shared.phrases))
      break
    case 'repetition':
      check = perRange(repetition(file))
      break
    case 'list-items':
      check = perRange(listItems(file, shared.termWords))
      break
    case 'heading-case':
      check = perRange(headingCase(file, shared.findTerms))
      break
    case 'spelling':
      check = perRange(spelling(file, { termWords: shared.termWords, accept: shared.context.accept }))
      break
    case 'duplicate': {
      const run = duplicate(file)
      check = (doc) => run(doc, inRanges(doc, inScope))
      break
    }
    case 'front-matter':
      check = frontMatter(file)
      break
    case 'links':
      check = links(file)
      break
    case 'vague-pronoun':
      check = perRange(vaguePronoun(file))
      break
    case 'blank-line':
      check = blankLine(file)
      break
    case 'heading-levels':
      check = headingLevels(file)
      break
  }
  return {
    id: file.id,
    file: file.file,
    severity: file.level ?? 'warning',
    message: file.message,
    ...(file.description === undefined ? {} : { description: file.description }),
    ...(file.link === undefined ? {} : { url: file.link }),
    check,
  }
}

function scopeFilter(file: RuleFile): (range: ProseRange) => boolean {
  const scopes = new Set<Scope>(file.scope ?? DEFAULT_SCOPES)
  const fields = new Set(file.frontmatter ?? [])
  return (range) => (range.scope === 'frontmatter' ? fields.has(range.field ?? '') : scopes.has(range.scope))
}

function inRanges(doc: ProseDoc, inScope: (range: ProseRange) => boolean): ProseRange[] {
  const all = doc.frontMatter ? [...doc.frontMatter.ranges, ...doc.ranges] : doc.ranges
  return all.filter(inScope)
}
