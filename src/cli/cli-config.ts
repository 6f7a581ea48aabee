import { readFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import type { RuleSource } from '../rules/load-rules.js'
import { DEFAULT_CONFIG, parseRepoConfigText, type RepoConfig } from '../config/repo-config.js'
import { HOUSE_STYLE_PATH, parseHouseStyleText } from '../config/house-style.js'
import type { ConfigError } from '../config/config-error.js'
import { ioReason, readRuleDirs } from './rule-dirs.js'

export const CONFIG_PATH = '.github/bluepencil.yml'

export interface CliConfig {
  readonly config: RepoConfig
  readonly configFile?: string
  /** The config file's path and text, so problems found later (a rule id no rule has) name its line. */
  readonly configSource?: RuleSource
  readonly extraRuleFiles: RuleSource[]
  readonly errors: ConfigError[]
}

/**
 * Reads --config, or `.github/bluepencil.yml` under the root, and the repository's own rule
 * folders. Paths on the command line are relative to the root (the working folder).
 */
export function loadCliConfig(options: { root: string; configPath?: string; extraRuleDirs?: readonly string[] }): CliConfig {
  const loaded = loadConfigAndRules(options)
  // The house style lives beside the config file (.github/bluepencil-house.yml by default).
  const houseFile = loaded.configFile ? join(dirname(loaded.configFile), basename(HOUSE_STYLE_PATH)) : join(options.root, HOUSE_STYLE_PATH)
  const text = readConfigText(houseFile, false)
  if (text === undefined) return loaded
  if (typeof text !== 'string') return { ...loaded, errors: [...loaded.errors, { file: houseFile, path: '', message: text.problem.replace('config file', 'house-style file') }] }
  const { house, errors } = parseHouseStyleText(text, houseFile)
  return { ...loaded, config: { ...loaded.config, house }, errors: [...loaded.errors, ...errors] }
}

function loadConfigAndRules(options: { root: string; configPath?: string; extraRuleDirs?: readonly string[] }): CliConfig {
  const fromFlags = readRuleDirs(options.extraRuleDirs ?? [], options.root)
  const flagErrors = fromFlags.problems.map(({ dir, message }) => ({ file: `--rules ${dir}`, path: '', message }))
  const configFile = options.configPath ? resolve(options.root, options.configPath) : join(options.root, CONFIG_PATH)
  const text = readConfigText(configFile, options.configPath !== undefined)
  if (typeof text !== 'string') {
    const errors = text ? [{ file: options.configPath ?? CONFIG_PATH, path: '', message: text.problem }] : []
    return { config: DEFAULT_CONFIG, extraRuleFiles: fromFlags.files, errors: [...errors, ...flagErrors] }
  }
  const { config, errors } = parseRepoConfigText(text, configFile)
  // Rule folders in the config are relative to the repository root, the parent of .github/.
  const repoRoot = dirname(configFile).endsWith('.github') ? dirname(dirname(configFile)) : dirname(configFile)
  const fromConfig = readRuleDirs(config.ruleDirs, repoRoot)
  return {
    config,
    configFile,
    configSource: { file: configFile, text },
    extraRuleFiles: [...fromConfig.files, ...fromFlags.files],
    errors: [...errors, ...fromConfig.problems.map(({ dir, message }) => ({ file: configFile, path: 'ruleDirs', message: `${dir}: ${message}` })), ...flagErrors],
  }
}

/** The config file's text; undefined when the default file is absent (defaults apply), a problem otherwise. */
function readConfigText(file: string, named: boolean): string | { problem: string } | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' && !named) return undefined
    return { problem: code === 'ENOENT' ? 'config file not found' : `cannot read the config file (${ioReason(error)})` }
  }
}
