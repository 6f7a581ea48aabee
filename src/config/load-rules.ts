import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { packageRoot } from '../core/package-root.js'
import type { ConfigError, RuleFile } from './rule-file.js'
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

let bundled: { rules: RuleFile[]; errors: ConfigError[] } | undefined

/** The rules shipped in rules/, read and validated once per process. */
export function loadBundledRules(): { rules: RuleFile[]; errors: ConfigError[] } {
  bundled ??= parseRuleSources(readRuleDir(bundledRulesDir()))
  return bundled
}
