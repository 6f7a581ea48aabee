import { checkExamples, exampleFailureToError } from '../lint/check-examples.js'
import type { LintAssets } from '../lint/lint-assets.js'
import { parseRuleSources } from '../rules/load-rules.js'
import { formatConfigError } from '../config/config-error.js'
import { EXIT, type CliIo, UsageError } from './io.js'
import { readRuleDirs } from './rule-dirs.js'

/** Validates rule files and runs their examples: how a maintainer tests a new rule. */
export function checkRulesCommand(dirs: readonly string[], io: CliIo, assets: LintAssets): number {
  const read = readRuleDirs(dirs, io.cwd)
  if (read.problems.length > 0) throw new UsageError(read.problems.map((p) => `${p.dir}: ${p.message}`).join('\n'))
  if (dirs.length > 0 && read.files.length === 0) throw new UsageError(`nothing to check: no rule files (.yml, .yaml) in ${dirs.join(', ')}`)
  const { bundled, dictionary } = assets
  const own = parseRuleSources(read.files)
  const byId = new Map([...bundled.rules, ...own.rules].map((r) => [r.id, r]))
  const all = [...byId.values()]
  const targets = dirs.length > 0 ? own.rules : bundled.rules
  const errors = dirs.length > 0 ? own.errors : bundled.errors
  for (const e of errors) io.stderr(`${formatConfigError(e)}\n`)
  let failed = 0
  for (const rule of targets) {
    for (const f of checkExamples(rule, all, { patterns: bundled.patterns, dictionary })) {
      failed++
      io.stderr(`${formatConfigError(exampleFailureToError(f))}\n`)
    }
  }
  const examples = targets.reduce((n, r) => n + r.examples.length, 0)
  io.stdout(`${targets.length} rule files, ${examples} examples, ${errors.length} invalid, ${failed} failing.\n`)
  return errors.length > 0 || failed > 0 ? EXIT.usage : EXIT.clean
}
