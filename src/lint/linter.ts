import { join } from 'node:path'
import { compileRules, type CompiledRule } from '../rules/compile-rules.js'
import { parseRuleSources, type RuleSource } from '../rules/load-rules.js'
import { PatternFacts } from '../rules/match/pattern-facts.js'
import type { RepoConfig } from '../config/repo-config.js'
import type { RuleFile } from '../rules/rule-file.js'
import type { ConfigError } from '../config/config-error.js'
import { lineOf, parseYaml, type ParsedYaml } from '../config/yaml-source.js'
import type { Finding, SkippedFile, FixTier } from '../core/types.js'
import { loadValeProject, ValeConfigError, type ValeProject } from '../vale/vale-project.js'
import { defaultCacheFile, fileRuleCache } from '../vale/rule-file-cache.js'
import { defaultRegexCacheFile, fileRegexCache } from '../vale/regex-cache.js'
import { regexEngineId } from '../vale/regex.js'
import { snapshotFiles, type ValeSnapshot } from '../vale/vale-files.js'
import { runWithBudget } from '../guard/budget.js'
import { DEFAULT_LIMITS, findShapeProblem, type PostLimits } from '../guard/post-shape.js'
import { checkExamples, exampleFailureToError } from './check-examples.js'
import { lintMarkdown } from './lint-markdown.js'
import { houseSettings } from './house-settings.js'
import type { LintAssets } from './lint-assets.js'
import type { Dictionary } from '../spelling/dictionary.js'
import { postMatcher } from './post-paths.js'

/** A rule that threw on a post: its findings are missing, the other rules' are there. */
export interface RuleFailure {
  readonly ruleId: string
  readonly message: string
}

export type LintResult =
  | { readonly kind: 'linted'; readonly source: string; readonly findings: Finding[]; readonly ruleFailures: readonly RuleFailure[] }
  | { readonly kind: 'skipped'; readonly skipped: SkippedFile }

export interface Linter {
  readonly rules: readonly CompiledRule[]
  isPost(path: string): boolean
  lint(path: string, content: string | Uint8Array): LintResult
}

/**
 * The engine with one repository's configuration applied: bundled rules, the
 * repository's own rule files (same id overrides), levels and switches from config.
 * Invalid rule files, and the repository's rules whose examples fail, are reported
 * and left off; the other rules still run.
 */
export function createLinter(options: {
  config: RepoConfig
  /** The bundled rules and the dictionary, loaded once by the entry point. */
  assets: LintAssets
  extraRuleFiles?: readonly RuleSource[]
  /** The config file as read (the CLI's --config): its problems name it and its lines. */
  configSource?: RuleSource
  /** A Vale configuration file, or a repository's fetched through the API: its styles replace the bundled rules. */
  vale?: string | ValeSnapshot
  /** Overrides the config's lintBudgetMs (the CLI's --lint-budget). */
  budgetMs?: number
  limits?: PostLimits
  /** Fix tiers whose fixes are made: `bluepencil fix` makes only safe ones unless --all. */
  fixTiers?: readonly FixTier[]
}): {
  linter: Linter
  errors: ConfigError[]
  /** Problems that leave the other rules running (a Vale rule Bluepencil cannot honour). */
  warnings: ConfigError[]
} {
  const { config, assets } = options
  const { dictionary } = assets
  const vale = options.vale === undefined ? undefined : openVale(options.vale, dictionary)
  // A Vale configuration brings the team's own style: its rules replace the bundled ones,
  // which are then neither loaded nor compiled (that alone cost a one-post run ~70 ms).
  const project = vale && 'project' in vale ? vale.project : undefined
  const bundled = project ? { rules: [], errors: [], patterns: new PatternFacts() } : assets.bundled
  const extra = parseRuleSources(project ? [] : (options.extraRuleFiles ?? []))
  const byId = new Map<string, RuleFile>()
  for (const rule of [...bundled.rules, ...extra.rules]) byId.set(rule.id, rule)
  const failing = failingExamples(extra.rules, [...byId.values()], { patterns: bundled.patterns, dictionary })
  const house = houseSettings(config.house ?? {}, [...byId.values()])
  const levels = { ...house.levels, ...config.rules }
  const enabled = [...byId.values()]
    .map((r) => house.options.get(r.id) ?? r)
    .filter((r) => (levels[r.id] === undefined ? r.enabled !== false : levels[r.id] !== 'off'))
    .filter((r) => levels[r.id] !== 'off' && !failing.some((e) => e.file === r.file))
    .map((r) => {
      const level = levels[r.id]
      return level && level !== 'off' ? { ...r, level } : r
    })
  const compiled = project ? { rules: [], errors: [] } : compileRules(enabled, { extraTerms: config.terms, accept: [...config.accept, ...(config.house?.vocabulary ?? [])], keptTerms: config.house?.terms ?? [], patterns: bundled.patterns, dictionary, sites: config.site })
  const unknown = Object.keys(project ? {} : config.rules)
    .filter((id) => !byId.has(id))
    .map((id) => ({ file: options.configSource?.file ?? '.github/bluepencil.yml', path: `rules.${id}`, message: 'no rule has this id' }))
  const isPost = postMatcher(config)
  const rulesFor = (path: string): readonly CompiledRule[] => (project ? project.rulesFor(path) : compiled.rules)
  const linter: Linter = {
    rules: project ? project.rulesFor(join(project.config.root, 'post.md')) : compiled.rules,
    isPost,
    lint: (path, content) => {
      const decoded = decode(path, content, config.maxFileBytes)
      if ('skipped' in decoded) return { kind: 'skipped', skipped: decoded.skipped }
      const { source } = decoded
      // Hostile shapes are refused before parsing; whatever else is slow stops at the budget.
      const shape = findShapeProblem(source, options.limits ?? DEFAULT_LIMITS)
      if (shape) return { kind: 'skipped', skipped: { path, reason: shape.reason } }
      const failures = new Map<string, string>()
      const onRuleFailure = (ruleId: string, error: unknown): void => {
        if (!failures.has(ruleId)) failures.set(ruleId, error instanceof Error ? `${error.name}: ${error.message}` : String(error))
      }
      const linted = runWithBudget(() => lintMarkdown({ path, source, rules: rulesFor(path), onRuleFailure, ...(options.fixTiers ? { fixTiers: options.fixTiers } : {}) }), options.budgetMs ?? config.lintBudgetMs)
      if (!linted.ok) return { kind: 'skipped', skipped: { path, reason: linted.reason } }
      return { kind: 'linted', source, findings: linted.value, ruleFailures: [...failures].map(([ruleId, message]) => ({ ruleId, message })) }
    },
  }
  const valeErrors = vale && 'error' in vale ? [vale.error] : []
  const warnings = project ? project.problems.map((p) => ({ file: p.file, path: '', line: p.line, message: p.message })) : []
  const errors = withLines([...bundled.errors, ...extra.errors, ...failing, ...compiled.errors, ...unknown, ...valeErrors], [...(options.extraRuleFiles ?? []), ...(options.configSource ? [options.configSource] : [])])
  return { linter, errors, warnings }
}

/**
 * Errors found after validation (a pattern refused at compile time, a failing example)
 * name a field; the line comes from the repository's rule file text.
 */
function withLines(errors: readonly ConfigError[], sources: readonly RuleSource[]): ConfigError[] {
  const parsed = new Map<string, ParsedYaml | undefined>()
  const yamlOf = (file: string): ParsedYaml | undefined => {
    if (!parsed.has(file)) {
      const text = sources.find((s) => s.file === file)?.text
      const result = text === undefined ? undefined : parseYaml(text, file)
      parsed.set(file, result && 'parsed' in result ? result.parsed : undefined)
    }
    return parsed.get(file)
  }
  return errors.map((e) => {
    const yaml = e.line === undefined && e.path !== '' ? yamlOf(e.file) : undefined
    if (!yaml) return e
    // The first segment is a field name; the rest is an index or a key, which may hold dots (a swap pattern).
    const dot = e.path.indexOf('.')
    const pointer = dot < 0 ? `/${e.path}` : `/${e.path.slice(0, dot)}/${e.path.slice(dot + 1).replace(/~/g, '~0').replace(/\//g, '~1')}`
    const line = lineOf(yaml, pointer)
    return line === undefined ? e : { ...e, line }
  })
}

/**
 * A repository's own rules are held to their examples as the bundled ones are in the
 * test suite: a rule whose example fails is reported and stays off.
 */
function failingExamples(own: readonly RuleFile[], all: readonly RuleFile[], context: { patterns: PatternFacts; dictionary: Dictionary }): ConfigError[] {
  return own.flatMap((rule) =>
    checkExamples(rule, all, context).map((f) => {
      const error = exampleFailureToError(f)
      return f.field.startsWith('examples') ? { ...error, message: `${error.message} (the rule is off until its examples pass)` } : error
    }),
  )
}

/** A Vale configuration on disk (the CLI, which keeps parsed rule files and pattern translations between runs), or fetched from a repository (the app). */
function openVale(vale: string | ValeSnapshot, dictionary: Dictionary): { project: ValeProject } | { error: ConfigError } {
  try {
    return { project: typeof vale === 'string' ? loadValeProject(vale, { cache: fileRuleCache(defaultCacheFile()), regexCache: fileRegexCache(defaultRegexCacheFile(), regexEngineId()), dictionary }) : loadValeProject(vale.configFile, { files: snapshotFiles(vale), dictionary }) }
  } catch (error) {
    if (error instanceof ValeConfigError) return { error: { file: error.file, path: '', message: error.message, ...(error.line === undefined ? {} : { line: error.line }) } }
    throw error
  }
}

function decode(path: string, content: string | Uint8Array, maxBytes: number): { source: string } | { skipped: SkippedFile } {
  const size = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength
  if (size > maxBytes) return { skipped: { path, reason: `larger than ${maxBytes} bytes (maxFileBytes)` } }
  let source: string
  if (typeof content === 'string') source = content
  else {
    try {
      source = new TextDecoder('utf-8', { fatal: true }).decode(content)
    } catch {
      return { skipped: { path, reason: 'not UTF-8 text' } }
    }
  }
  if (source.includes('\0')) return { skipped: { path, reason: 'binary file (contains NUL bytes)' } }
  return { source }
}
