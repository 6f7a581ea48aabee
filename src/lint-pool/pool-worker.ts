import { parentPort } from 'node:worker_threads'
import type { RuleSource } from '../rules/load-rules.js'
import { loadLintAssets } from '../lint/lint-assets.js'
import { createLinter, type Linter } from '../lint/linter.js'
import type { LintRequest } from './lint-pool.js'

/** This thread's entry point reads the bundled rules and opens the dictionary once; every repository's linter starts from them. */
const assets = loadLintAssets()

/** Linters by repository setup: compiling the rules costs more than linting a post. */
const linters = new Map<string, Linter>()
const KEEP = 8

function linterFor(request: LintRequest): Linter {
  const key = JSON.stringify([request.config, request.extraRuleFiles satisfies readonly RuleSource[], request.budgetMs, request.vale])
  let linter = linters.get(key)
  if (!linter) {
    linter = createLinter({ config: request.config, assets, extraRuleFiles: request.extraRuleFiles, ...(request.budgetMs ? { budgetMs: request.budgetMs } : {}), ...(request.vale ? { vale: request.vale } : {}) }).linter
    if (linters.size >= KEEP) linters.delete(linters.keys().next().value as string)
    linters.set(key, linter)
  }
  return linter
}

parentPort?.on('message', (message: { id: number; request: LintRequest }) => {
  const { id, request } = message
  // The linter bounds its own time (a V8 timeout per post), so this thread answers every message.
  const result = linterFor(request).lint(request.path, request.bytes)
  parentPort?.postMessage({ id, result })
})
