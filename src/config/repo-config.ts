import type { Severity } from '../core/types.js'
import type { ConfigError } from './config-error.js'
import type { HouseStyle } from './house-style.js'
import { schemaCheck } from './schema-check.js'
import { lineOf, parseYaml } from './yaml-source.js'

export { formatConfigError, type ConfigError } from './config-error.js'

/** `.github/bluepencil.yml`: the same file for the CLI and the app. */
export interface RepoConfig {
  /** Globs of blog posts. */
  readonly include: string[]
  readonly exclude: string[]
  /** Rule id -> off, or a new level. */
  readonly rules: Record<string, 'off' | Severity>
  /** Extra terms, spelled as they must be. */
  readonly terms: string[]
  /** Words the spelling rule accepts. */
  readonly accept: string[]
  /** Folders (relative to the repository root) of the repository's own rule files. */
  readonly ruleDirs: string[]
  readonly maxComments: number
  /** Comment on added lines only, or also on unchanged lines shown in the diff. */
  readonly filter: 'added' | 'diff_context'
  /** Lowest level that makes the check run fail (and the CLI exit 1). */
  readonly failOn: 'error' | 'warning' | 'never'
  /** Review draft pull requests too. */
  readonly drafts: boolean
  /** Larger files are skipped with a message. */
  readonly maxFileBytes: number
  /** Time one post may take to lint; a post over it is listed as not reviewed. */
  readonly lintBudgetMs: number
  /** A Vale configuration (.vale.ini), relative to the repository root: its styles replace the bundled rules. */
  readonly vale?: string
  /** The house style (.github/bluepencil-house.yml, written by `bluepencil learn`), read beside this file. */
  readonly house?: HouseStyle
}

/**
 * Defaults that find the blog posts of Hugo (content/blog, content/posts), Jekyll
 * (_posts), Docusaurus (blog/) and plain repositories (any blog/ or posts/ folder).
 */
export const DEFAULT_CONFIG: RepoConfig = {
  include: ['**/blog/**/*.{md,markdown,mdx}', '**/_posts/**/*.{md,markdown}', '**/posts/**/*.{md,markdown,mdx}', '**/news/**/*.{md,markdown}'],
  exclude: ['**/node_modules/**', '**/README.md', '**/CHANGELOG.md'],
  rules: {},
  terms: [],
  accept: [],
  ruleDirs: [],
  maxComments: 25,
  filter: 'added',
  failOn: 'never',
  drafts: false,
  maxFileBytes: 1_000_000,
  lintBudgetMs: 10_000,
}

const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    include: { type: 'array', items: { type: 'string', minLength: 1 } },
    exclude: { type: 'array', items: { type: 'string', minLength: 1 } },
    rules: { type: 'object', additionalProperties: { enum: ['off', 'error', 'warning', 'suggestion'] } },
    terms: { type: 'array', items: { type: 'string', minLength: 1 } },
    accept: { type: 'array', items: { type: 'string', minLength: 1 } },
    ruleDirs: { type: 'array', items: { type: 'string', minLength: 1 } },
    maxComments: { type: 'integer', minimum: 0, maximum: 100 },
    filter: { enum: ['added', 'diff_context'] },
    failOn: { enum: ['error', 'warning', 'never'] },
    drafts: { type: 'boolean' },
    maxFileBytes: { type: 'integer', minimum: 1 },
    lintBudgetMs: { type: 'integer', minimum: 100, maximum: 600_000 },
    vale: { type: 'string', minLength: 1 },
  },
} as const

const checkRepoConfig = schemaCheck(CONFIG_SCHEMA)

/** Validates an already-parsed config object (the app gets one from context.config). */
export function parseRepoConfig(raw: unknown, file: string, lineAt?: (pointer: string) => number | undefined): { config: RepoConfig; errors: ConfigError[] } {
  if (raw === null || raw === undefined) return { config: DEFAULT_CONFIG, errors: [] }
  const errors = checkRepoConfig(raw, file, lineAt)
  return errors.length ? { config: DEFAULT_CONFIG, errors } : { config: { ...DEFAULT_CONFIG, ...(raw as Partial<RepoConfig>) }, errors: [] }
}

/** Parses config file text (CLI), keeping line numbers for errors. */
export function parseRepoConfigText(text: string, file: string): { config: RepoConfig; errors: ConfigError[] } {
  const parsed = parseYaml(text, file)
  if ('errors' in parsed) return { config: DEFAULT_CONFIG, errors: parsed.errors }
  return parseRepoConfig(parsed.parsed.value, file, (pointer) => lineOf(parsed.parsed, pointer))
}
