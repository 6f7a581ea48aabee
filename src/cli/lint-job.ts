import { readFileSync } from 'node:fs'
import type { RuleSource } from '../config/load-rules.js'
import type { RepoConfig } from '../config/repo-config.js'
import { createLinter, type LintResult, type Linter } from '../lint/linter.js'

export interface LintSetup {
  readonly config: RepoConfig
  readonly extraRuleFiles: readonly RuleSource[]
}

export type FileResult = LintResult | { readonly kind: 'unreadable'; readonly path: string; readonly reason: string }

let cached: { setup: LintSetup; linter: Linter } | undefined

/** Lints one file from disk; shared by the main thread and the worker threads. */
export function lintFileFromDisk(setup: LintSetup, path: string): FileResult {
  if (cached?.setup !== setup) cached = { setup, linter: createLinter(setup).linter }
  let bytes: Uint8Array
  try {
    bytes = readFileSync(path)
  } catch (error) {
    return { kind: 'unreadable', path, reason: (error as Error).message }
  }
  return cached.linter.lint(path, bytes)
}
