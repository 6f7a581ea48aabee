import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { readRuleDir, type RuleSource } from '../rules/load-rules.js'
import { DEFAULT_CONFIG, parseRepoConfigText, type RepoConfig } from '../config/repo-config.js'
import type { ConfigError } from '../config/config-error.js'

export const CONFIG_PATH = '.github/bluepencil.yml'

export interface CliConfig {
  readonly config: RepoConfig
  readonly configFile?: string
  readonly extraRuleFiles: RuleSource[]
  readonly errors: ConfigError[]
}

/** Reads --config, or `.github/bluepencil.yml` under the root, and the repository's own rule folders. */
export function loadCliConfig(options: { root: string; configPath?: string; extraRuleDirs?: readonly string[] }): CliConfig {
  const configFile = options.configPath ? resolve(options.configPath) : join(options.root, CONFIG_PATH)
  if (!existsSync(configFile)) {
    if (options.configPath) return { config: DEFAULT_CONFIG, extraRuleFiles: [], errors: [{ file: options.configPath, path: '', message: 'config file not found' }] }
    return { config: DEFAULT_CONFIG, extraRuleFiles: readDirs(options.extraRuleDirs ?? [], process.cwd()).files, errors: [] }
  }
  const { config, errors } = parseRepoConfigText(readFileSync(configFile, 'utf8'), configFile)
  // Rule folders in the config are relative to the repository root, the parent of .github/.
  const repoRoot = dirname(configFile).endsWith('.github') ? dirname(dirname(configFile)) : dirname(configFile)
  const fromConfig = readDirs(config.ruleDirs, repoRoot)
  const fromFlags = readDirs(options.extraRuleDirs ?? [], process.cwd())
  return {
    config,
    configFile,
    extraRuleFiles: [...fromConfig.files, ...fromFlags.files],
    errors: [...errors, ...fromConfig.errors.map((e) => ({ ...e, file: configFile })), ...fromFlags.errors],
  }
}

function readDirs(dirs: readonly string[], base: string): { files: RuleSource[]; errors: ConfigError[] } {
  const files: RuleSource[] = []
  const errors: ConfigError[] = []
  dirs.forEach((dir, index) => {
    const full = resolve(base, dir)
    if (!existsSync(full)) errors.push({ file: full, path: `ruleDirs.${index}`, message: `rule folder ${dir} not found` })
    else files.push(...readRuleDir(full))
  })
  return { files, errors }
}
