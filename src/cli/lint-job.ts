import { readFileSync } from 'node:fs'
import type { RuleSource } from '../rules/load-rules.js'
import type { RepoConfig } from '../config/repo-config.js'
import type { Finding, FixTier } from '../core/types.js'
import type { LintAssets } from '../lint/lint-assets.js'
import { createLinter, type LintResult, type RuleFailure } from '../lint/linter.js'
import { ioReason } from './rule-dirs.js'

export interface LintSetup {
  readonly config: RepoConfig
  readonly extraRuleFiles: readonly RuleSource[]
  /** The config file read (default or --config): its problems name it, in the worker threads too. */
  readonly configSource?: RuleSource
  /** Return each post's text with its findings (to apply fixes); a lint run does not need it. */
  readonly keepSources: boolean
  /** A Vale configuration file whose styles replace the bundled rules. */
  readonly vale?: string
  /** Time one post may take (lintBudgetMs); over it, the post is not checked. */
  readonly budgetMs?: number
  /** Fix tiers whose fixes are made (`fix`: safe only, unless --all). */
  readonly fixTiers?: readonly FixTier[]
}

export type FileResult =
  | { readonly kind: 'linted'; readonly findings: Finding[]; readonly ruleFailures: readonly RuleFailure[]; readonly source?: string }
  | Exclude<LintResult, { kind: 'linted' }>
  | { readonly kind: 'unreadable'; readonly path: string; readonly reason: string }

let cached: { setup: LintSetup; assets: LintAssets; made: ReturnType<typeof createLinter> } | undefined

/** The linter for a setup, made once per thread: the caller that checks its errors first and the lint that follows share it. */
export function linterFor(setup: LintSetup, assets: LintAssets): ReturnType<typeof createLinter> {
  if (cached?.setup !== setup || cached.assets !== assets) cached = { setup, assets, made: createLinter({ ...setup, assets }) }
  return cached.made
}

/** Lints one file from disk; shared by the main thread and the worker threads. */
export function lintFileFromDisk(setup: LintSetup, assets: LintAssets, path: string): FileResult {
  const { linter } = linterFor(setup, assets)
  let bytes: Uint8Array
  try {
    bytes = readFileSync(path)
  } catch (error) {
    return { kind: 'unreadable', path, reason: `cannot read the file (${ioReason(error)})` }
  }
  const result = linter.lint(path, bytes)
  if (result.kind !== 'linted') return result
  // A copy: findings hold slices of the post, which would keep every post alive to the end of the run.
  const findings = structuredClone(result.findings)
  const { ruleFailures } = result
  return setup.keepSources ? { kind: 'linted', findings, ruleFailures, source: result.source } : { kind: 'linted', findings, ruleFailures }
}
