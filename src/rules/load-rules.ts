import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { PatternFacts, type PatternFactsData } from './match/pattern-facts.js'
import { packageRoot } from '../core/package-root.js'
import type { RuleFile } from './rule-file.js'
import type { ConfigError } from '../config/config-error.js'
import { parseRuleFile } from './validate-rule-file.js'

export interface RuleSource {
  readonly file: string
  readonly text: string
}

/** Validates rule files; a later file with the same id overrides an earlier one (a repository's own rules win). */
export function parseRuleSources(sources: readonly RuleSource[]): { rules: RuleFile[]; errors: ConfigError[] } {
  const byId = new Map<string, RuleFile>()
  const errors: ConfigError[] = []
  for (const source of sources) {
    const id = basename(source.file).replace(/\.ya?ml$/, '')
    const result = parseRuleFile(source.text, source.file, id)
    if ('errors' in result) errors.push(...result.errors)
    else byId.set(id, result.rule)
  }
  return { rules: [...byId.values()], errors }
}

export function readRuleDir(dir: string): RuleSource[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ file: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }))
}

export function bundledRulesDir(): string {
  return join(packageRoot(), 'rules')
}

/** The rules shipped in rules/, validated, and what the build learnt about their patterns. */
export interface BundledRules {
  readonly rules: RuleFile[]
  readonly errors: ConfigError[]
  readonly patterns: PatternFacts
}

/**
 * Reads and validates the rules shipped in rules/ (from the build's cache when they are
 * unchanged). The entry points call it once and pass the result on.
 */
export function loadBundledRules(): BundledRules {
  const sources = readRuleDir(bundledRulesDir())
  return fromCache(sources) ?? { ...parseRuleSources(sources), patterns: new PatternFacts() }
}

export const RULE_CACHE = 'dist/rule-cache.json'

interface RuleCache {
  readonly hash: string
  readonly rules: RuleFile[]
  /** The rules' regex patterns found safe, and their required literals (see write-rule-cache). */
  readonly patterns?: PatternFactsData
}

/** One hash over every rule file's name and text: any edit invalidates the cache. */
export function hashSources(sources: readonly RuleSource[]): string {
  const hash = createHash('sha256')
  for (const s of sources) hash.update(`${basename(s.file)}\u0000${s.text}\u0000`)
  return hash.digest('hex')
}

/**
 * `npm run build` stores the validated bundled rules with the hash of their files, so a
 * lint run skips parsing YAML and compiling the schema; an edited rule file misses the
 * cache and is validated as usual.
 */
function fromCache(sources: readonly RuleSource[]): BundledRules | undefined {
  const file = join(packageRoot(), RULE_CACHE)
  if (!existsSync(file)) return undefined
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as RuleCache
    if (cache.hash !== hashSources(sources)) return undefined
    const dir = bundledRulesDir()
    return { rules: cache.rules.map((r) => ({ ...r, file: join(dir, basename(r.file)) })), errors: [], patterns: new PatternFacts(cache.patterns) }
  } catch {
    return undefined
  }
}
