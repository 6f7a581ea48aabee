import { join } from 'node:path'
import { formatConfigError } from '../config/rule-file.js'
import type { Finding, LineFix } from '../core/types.js'
import { applyFixes } from '../lint/apply-fixes.js'
import { createLinter } from '../lint/linter.js'
import { loadCliConfig } from './cli-config.js'
import { formatJson, formatSarif, formatText, type FileReport } from './format-findings.js'
import { EXIT, type CliIo, UsageError } from './io.js'
import { lintFiles } from './lint-files.js'
import { resolveFiles } from './resolve-files.js'
import { version } from './version.js'

export interface LintOptions {
  readonly format: 'text' | 'json' | 'sarif'
  readonly config?: string
  readonly rules?: readonly string[]
  readonly jobs?: number
}

async function prepare(args: readonly string[], options: Omit<LintOptions, 'format'>, io: CliIo, keepSources: boolean) {
  const loaded = loadCliConfig({ root: io.cwd, ...(options.config ? { configPath: options.config } : {}), extraRuleDirs: options.rules ?? [] })
  const setup = { config: loaded.config, extraRuleFiles: loaded.extraRuleFiles, keepSources }
  const { linter, errors } = createLinter(setup)
  const configErrors = [...loaded.errors, ...errors]
  if (configErrors.length > 0) throw new UsageError(configErrors.map(formatConfigError).join('\n'))
  const { files, missing } = await resolveFiles(args, loaded.config, io.cwd)
  if (missing.length > 0) throw new UsageError(missing.map((m) => `${m}: no such file, folder or matching glob`).join('\n'))
  const results = await lintFiles(setup, files.map((f) => join(io.cwd, f)), options.jobs)
  const reports: FileReport[] = []
  const sources = new Map<string, string>()
  results.forEach((result, index) => {
    const path = files[index] as string
    if (result.kind === 'linted') {
      reports.push({ path, findings: result.findings.map((f) => ({ ...f, path })) })
      if (result.source !== undefined) sources.set(path, result.source)
    } else {
      io.stderr(`${path}: skipped: ${result.kind === 'skipped' ? result.skipped.reason : result.reason}\n`)
    }
  })
  return { reports, sources, linter, config: loaded.config }
}

export async function lintCommand(args: readonly string[], options: LintOptions, io: CliIo): Promise<number> {
  const { reports, linter } = await prepare(args, options, io, false)
  if (options.format === 'json') io.stdout(formatJson(reports))
  else if (options.format === 'sarif') io.stdout(formatSarif(reports, linter.rules, version()))
  else io.stdout(formatText(reports))
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? EXIT.findings : EXIT.clean
}

/** Applies every fix in place; a post is rewritten atomically (temporary file, then rename), never half-written. */
export async function fixCommand(args: readonly string[], options: Omit<LintOptions, 'format'>, io: CliIo): Promise<number> {
  const { reports, sources } = await prepare(args, options, io, true)
  let changed = 0
  let remaining = 0
  for (const report of reports) {
    const fixes = uniqueFixes(report.findings)
    remaining += report.findings.filter((f) => !f.fix).length
    if (fixes.length === 0) continue
    const source = sources.get(report.path) as string
    const fixed = applyFixes(source, fixes)
    if (fixed === source) continue
    const { default: writeFileAtomic } = await import('write-file-atomic')
    await writeFileAtomic(join(io.cwd, report.path), fixed, 'utf8')
    changed++
    const count = report.findings.filter((f) => f.fix).length
    io.stdout(`${report.path}: fixed ${count} finding${count === 1 ? '' : 's'} on line${fixes.length === 1 ? '' : 's'} ${fixes.map(lineLabel).join(', ')}\n`)
  }
  io.stdout(`${changed} file${changed === 1 ? '' : 's'} changed; ${remaining} finding${remaining === 1 ? '' : 's'} left for a human.\n`)
  return reports.some((r) => r.findings.some((f) => !f.fix && f.severity === 'error')) ? EXIT.findings : EXIT.clean
}

function uniqueFixes(findings: readonly Finding[]): LineFix[] {
  const byLine = new Map<number, LineFix>()
  for (const f of findings) if (f.fix) byLine.set(f.fix.startLine, f.fix)
  return [...byLine.values()]
}

function lineLabel(fix: LineFix): string {
  return fix.startLine === fix.endLine ? String(fix.startLine) : `${fix.startLine}-${fix.endLine}`
}

