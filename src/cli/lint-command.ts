import { join, relative } from 'node:path'
import { formatConfigError, type ConfigError } from '../config/config-error.js'
import type { Finding, FixTier, LineFix } from '../core/types.js'
import { fixPost } from '../fix-safety/fix-post.js'
import { loadCliConfig } from './cli-config.js'
import { formatJson, formatSarif, formatText, type FileReport } from './format-findings.js'
import { EXIT, type CliIo, UsageError } from './io.js'
import { lintFiles } from './lint-files.js'
import { linterFor } from './lint-job.js'
import type { Linter } from '../lint/linter.js'
import type { LintAssets } from '../lint/lint-assets.js'
import type { RuleSource } from '../rules/load-rules.js'
import { withCharacterColumns } from '../vale/position.js'
import { repoRootOf, resolveValeConfig } from '../vale/resolve-config.js'
import { resolveFiles } from './resolve-files.js'
import { ioReason } from './rule-dirs.js'
import { version } from './version.js'
import { writeIfUnchanged } from './write-if-unchanged.js'

export interface LintOptions {
  readonly format: 'text' | 'json' | 'sarif'
  readonly config?: string
  readonly rules?: readonly string[]
  readonly jobs?: number
  /** A Vale configuration (file or folder) whose styles replace the bundled rules. */
  readonly vale?: string
  readonly lintBudget?: number
}

interface Prepared {
  readonly reports: FileReport[]
  readonly sources: Map<string, string>
  readonly linter: Linter
  /** Files that were found but not checked (unreadable, not UTF-8, too large, too deep, over budget). */
  readonly notChecked: number
  /** Rules that threw on a post (each post still checked by the others). */
  readonly ruleFailures: number
  /** The files of the rules left off (invalid, or their examples fail) or of a config naming no rule. */
  readonly ruleProblems: readonly string[]
  readonly vale: string | undefined
}

async function prepare(args: readonly string[], options: Omit<LintOptions, 'format'> & { fixTiers?: readonly FixTier[] }, io: CliIo, assets: LintAssets, keepSources: boolean): Promise<Prepared> {
  const loaded = loadCliConfig({ root: io.cwd, ...(options.config ? { configPath: options.config } : {}), extraRuleDirs: options.rules ?? [] })
  const vale = resolveValeConfig({
    ...(options.vale === undefined ? {} : { flag: options.vale }),
    ...(loaded.config.vale === undefined ? {} : { configured: loaded.config.vale }),
    repoRoot: repoRootOf(loaded.configFile, io.cwd),
    cwd: io.cwd,
  })
  const setup = { config: loaded.config, extraRuleFiles: loaded.extraRuleFiles, ...(loaded.configSource ? { configSource: loaded.configSource } : {}), keepSources: keepSources || vale !== undefined, ...(vale === undefined ? {} : { vale }), ...(options.lintBudget ? { budgetMs: options.lintBudget } : {}), ...(options.fixTiers ? { fixTiers: options.fixTiers } : {}) }
  const { linter, errors, warnings } = linterFor(setup, assets)
  // As in the app: a broken rule file (or a config naming no rule) is reported and left
  // off while the other rules run, and the run ends with exit 2; a config, folder or Vale
  // configuration that cannot be used stops the run, as it stops the app's review.
  const ruleProblems = errors.filter((e) => isRuleProblem(e, loaded.extraRuleFiles))
  const configErrors = [...loaded.errors, ...errors.filter((e) => !ruleProblems.includes(e))]
  if (configErrors.length > 0) throw new UsageError(configErrors.map(formatConfigError).join('\n'))
  for (const e of ruleProblems) io.stderr(`${formatConfigError(e)}\n`)
  for (const w of warnings) io.stderr(`${formatConfigError(w)} (rule skipped; the others run)\n`)
  const { files, problems } = await resolveFiles(args, loaded.config, io.cwd)
  if (problems.length > 0) throw new UsageError(problems.join('\n'))
  const results = await lintFiles(setup, assets, files.map((f) => join(io.cwd, f)), options.jobs)
  const reports: FileReport[] = []
  const sources = new Map<string, string>()
  let notChecked = 0
  let ruleFailures = 0
  results.forEach((result, index) => {
    const path = files[index] as string
    if (result.kind === 'linted') {
      reports.push({ path, findings: result.findings.map((f) => ({ ...f, path })) })
      if (result.source !== undefined) sources.set(path, result.source)
      for (const failure of result.ruleFailures) {
        ruleFailures++
        io.stderr(`${path}: rule ${failure.ruleId} failed on this post (${failure.message}); the other rules checked it\n`)
      }
    } else {
      notChecked++
      io.stderr(`${path}: not checked: ${result.kind === 'skipped' ? result.skipped.reason : result.reason}\n`)
    }
  })
  return { reports, sources, linter, notChecked, ruleFailures, ruleProblems: [...new Set(ruleProblems.map((e) => relative(io.cwd, e.file) || e.file))], vale }
}

function isRuleProblem(error: ConfigError, ruleFiles: readonly RuleSource[]): boolean {
  return ruleFiles.some((f) => f.file === error.file) || error.path.startsWith('rules.')
}

/** A file that could not be checked, a rule that failed or was left off, outranks findings: the run did not do what was asked. */
function exitCode(prepared: Prepared, io: CliIo, failing: boolean): number {
  if (prepared.notChecked > 0) {
    const n = prepared.notChecked
    io.stderr(`bluepencil: ${n} file${n === 1 ? ' was' : 's were'} not checked (see above)${prepared.reports.length === 0 ? '; nothing was checked' : ''}.\n`)
  }
  if (prepared.ruleFailures > 0) {
    const n = prepared.ruleFailures
    io.stderr(`bluepencil: ${n} rule run${n === 1 ? '' : 's'} failed (see above); their findings are missing.\n`)
  }
  if (prepared.ruleProblems.length > 0) {
    io.stderr(`bluepencil: rule problems in ${prepared.ruleProblems.join(', ')} (see above): the rules they concern are off; the other rules checked the posts.\n`)
  }
  if (prepared.notChecked > 0 || prepared.ruleFailures > 0 || prepared.ruleProblems.length > 0) return EXIT.usage
  return failing ? EXIT.findings : EXIT.clean
}

export async function lintCommand(args: readonly string[], options: LintOptions, io: CliIo, assets: LintAssets): Promise<number> {
  const prepared = await prepare(args, options, io, assets, false)
  const { linter } = prepared
  // Vale counts columns in characters, and tools comparing with Vale read them so (SARIF keeps UTF-16 units).
  const reports =
    prepared.vale === undefined || options.format === 'sarif'
      ? prepared.reports
      : prepared.reports.map((r) => {
          const source = prepared.sources.get(r.path)
          return source === undefined ? r : { ...r, findings: r.findings.map((f) => withCharacterColumns(f, source)) }
        })
  if (options.format === 'json') io.stdout(formatJson(reports))
  else if (options.format === 'sarif') io.stdout(formatSarif(reports, linter.rules, version()))
  else io.stdout(formatText(reports))
  return exitCode(prepared, io, reports.some((r) => r.findings.some((f) => f.severity === 'error')))
}

/**
 * Applies every fix in place. A post is replaced atomically and only if it still holds
 * the text that was linted; a post edited meanwhile, or one that cannot be written, is
 * left as it is and named.
 */
export async function fixCommand(args: readonly string[], options: Omit<LintOptions, 'format'> & { all?: boolean }, io: CliIo, assets: LintAssets): Promise<number> {
  // Safe fixes only, unless asked: wording is for a human to accept.
  const fixTiers: FixTier[] = options.all ? ['safe', 'review'] : ['safe']
  const prepared = await prepare(args, { ...options, fixTiers }, io, assets, true)
  const { reports, sources, linter } = prepared
  let changed = 0
  let remaining = 0
  let unwritten = 0
  for (const report of reports) {
    remaining += report.findings.filter((f) => !f.fix).length
    if (!report.findings.some((f) => f.fix)) continue
    const source = sources.get(report.path) as string
    // Until no fix is left, so a second `fix` finds nothing to do.
    const relint = (text: string): Finding[] => {
      const result = linter.lint(report.path, text)
      return result.kind === 'linted' ? result.findings : []
    }
    const { text: fixed, fixed: count, firstPassFixes: fixes } = fixPost(source, relint, report.findings)
    if (fixed === source) continue
    const outcome = write(join(io.cwd, report.path), source, fixed)
    if (outcome !== 'written') {
      unwritten++
      io.stderr(`${report.path}: not fixed: ${outcome === 'changed' ? 'the file changed after it was read; it is left as it is (run fix again)' : outcome.problem}\n`)
      continue
    }
    changed++
    io.stdout(`${report.path}: fixed ${count} finding${count === 1 ? '' : 's'} on line${fixes.length === 1 ? '' : 's'} ${fixes.map(lineLabel).join(', ')}\n`)
  }
  io.stdout(`${changed} file${changed === 1 ? '' : 's'} changed; ${remaining} finding${remaining === 1 ? '' : 's'} left for a human.\n`)
  if (unwritten > 0) io.stderr(`bluepencil: ${unwritten} file${unwritten === 1 ? ' was' : 's were'} not fixed (see above).\n`)
  const code = exitCode(prepared, io, reports.some((r) => r.findings.some((f) => !f.fix && f.severity === 'error')))
  return unwritten > 0 ? EXIT.usage : code
}

function write(path: string, expected: string, next: string): 'written' | 'changed' | { problem: string } {
  try {
    return writeIfUnchanged(path, expected, next)
  } catch (error) {
    return { problem: `cannot write the file (${ioReason(error)})` }
  }
}

function lineLabel(fix: LineFix): string {
  return fix.startLine === fix.endLine ? String(fix.startLine) : `${fix.startLine}-${fix.endLine}`
}
