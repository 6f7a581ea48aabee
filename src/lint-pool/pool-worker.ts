import { parentPort } from 'node:worker_threads'
import type { RuleSource } from '../rules/load-rules.js'
import { loadLintAssets } from '../lint/lint-assets.js'
import { createLinter, type Linter } from '../lint/linter.js'
import type { ConfigError } from '../config/config-error.js'
import type { LintRequest, PoolMessage, RuleSetup } from './lint-pool.js'

/** This thread's entry point reads the bundled rules and opens the dictionary once; every repository's linter starts from them. */
const assets = loadLintAssets()

/** Linters by repository setup: compiling the rules costs more than linting a post. */
const linters = new Map<string, { linter: Linter; errors: ConfigError[] }>()
const KEEP = 8

function linterFor(request: RuleSetup & Partial<Pick<LintRequest, 'budgetMs' | 'vale'>>): { linter: Linter; errors: ConfigError[] } {
  const key = JSON.stringify([request.config, request.extraRuleFiles satisfies readonly RuleSource[], request.budgetMs, request.vale])
  let found = linters.get(key)
  if (!found) {
    const { linter, errors } = createLinter({ config: request.config, assets, extraRuleFiles: request.extraRuleFiles, ...(request.budgetMs ? { budgetMs: request.budgetMs } : {}), ...(request.vale ? { vale: request.vale } : {}) })
    found = { linter, errors }
    if (linters.size >= KEEP) linters.delete(linters.keys().next().value as string)
    linters.set(key, found)
  }
  return found
}

parentPort?.on('message', ({ id, message }: { id: number; message: PoolMessage }) => {
  // The linter bounds its own time (a V8 timeout per post), so this thread answers every message.
  const result = message.kind === 'lint' ? linterFor(message.request).linter.lint(message.request.path, message.request.bytes) : linterFor(message.request).errors
  parentPort?.postMessage({ id, result })
})
