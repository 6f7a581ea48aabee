import { z } from 'zod'
import type { Severity } from '../core/types.js'
import type { ConfigError } from './config-error.js'
import type { HouseStyle } from './house-style.js'
import { schemaErrors } from './schema-errors.js'
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
  /** The blog's own address(es) ("https://flink.apache.org"): links to it are written as site paths. */
  readonly site: string[]
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
  site: [],
}

const globs = z.array(z.string().min(1))

/** A site's address, with its scheme: "https://flink.apache.org". */
const siteAddress = z.string().regex(/^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/, 'a site address such as https://example.com')

/** What .github/bluepencil.yml may hold: every field optional, no other field. */
const configSchema = z.strictObject({
  include: globs,
  exclude: globs,
  rules: z.record(z.string(), z.enum(['off', 'error', 'warning', 'suggestion'])),
  terms: z.array(z.string().min(1)),
  accept: z.array(z.string().min(1)),
  ruleDirs: z.array(z.string().min(1)),
  maxComments: z.int().min(0).max(100),
  filter: z.enum(['added', 'diff_context']),
  failOn: z.enum(['error', 'warning', 'never']),
  drafts: z.boolean(),
  maxFileBytes: z.int().min(1),
  lintBudgetMs: z.int().min(100).max(600_000),
  vale: z.string().min(1),
  site: z.union([siteAddress, z.array(siteAddress)]).transform((s) => (typeof s === 'string' ? [s] : s)),
}).partial()

/** Validates an already-parsed config object (the app gets one from context.config). */
export function parseRepoConfig(raw: unknown, file: string, lineAt?: (pointer: string) => number | undefined): { config: RepoConfig; errors: ConfigError[] } {
  if (raw === null || raw === undefined) return { config: DEFAULT_CONFIG, errors: [] }
  const parsed = configSchema.safeParse(raw)
  if (!parsed.success) return { config: DEFAULT_CONFIG, errors: schemaErrors({ issues: parsed.error.issues, value: raw, file, lineAt }) }
  // Parsed YAML holds no undefined values: a field given is a field set.
  return { config: { ...DEFAULT_CONFIG, ...(parsed.data as Partial<RepoConfig>) }, errors: [] }
}

/** Parses config file text (CLI), keeping line numbers for errors. */
export function parseRepoConfigText(text: string, file: string): { config: RepoConfig; errors: ConfigError[] } {
  const parsed = parseYaml(text, file)
  if ('errors' in parsed) return { config: DEFAULT_CONFIG, errors: parsed.errors }
  return parseRepoConfig(parsed.parsed.value, file, (pointer) => lineOf(parsed.parsed, pointer))
}
