import { join } from 'node:path'
import { formatConfigError } from '../config/config-error.js'
import type { Finding, LineFix } from '../core/types.js'
import { applyFixes } from '../lint/apply-fixes.js'
import { createLinter } from '../lint/linter.js'
import { loadCliConfig } from './cli-config.js'
import { formatJson, formatSarif, formatText, type FileReport } from './format-findings.js'
import { EXIT, type CliIo, UsageError } from './io.js'
import { lintFiles } from './lint-files.js'
import { withCharacterColumns } from '../vale/position.js'
import { repoRootOf, resolveValeConfig } from '../vale/resolve-config.js'
import { resolveFiles } from './resolve-files.js'
import { version } from './version.js'

export interface LintOptions {
  readonly format: 'text' | 'json' | 'sarif'
  readonly config?: string
  readonly rules?: readonly string[]
  readonly jobs?: number
  /** A Vale configuration (file or folder) whose styles replace the bundled rules. */
  readonly vale?: string
}

async function prepare(args: readonly string[], options: Omit<LintOptions, 'format'>, io: CliIo, keepSources: boolean) {
  const loaded = loadCliConfig({ root: io.cwd, ...(options.config ? { configPath: options.config } : {}), extraRuleDirs: options.rules ?? [] })
  const vale = resolveValeConfig({
    ...(options.vale === undefined ? {} : { flag: options.vale }),
    ...(loaded.config.vale === undefined ? {} : { configured: loaded.config.vale }),
    repoRoot: repoRootOf(loaded.configFile, io.cwd),
    cwd: io.cwd,
  })
  const setup = { config: loaded.config, extraRuleFiles: loaded.extraRuleFiles, keepSources: keepSources || vale !== undefined, ...(vale === undefined ? {} : { vale }) }
  const { linter, errors, warnings } = createLinter(setup)
  const configErrors = [...loaded.errors, ...errors]
  if (configErrors.length > 0) throw new UsageError(configErrors.map(formatConfigError).join('\n'))
  for (const w of warnings) io.stderr(`${formatConfigError(w)} (rule skipped; the others run)\n`)
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
  return { reports, sources, linter, config: loaded.config, vale }
}

export async function lintCommand(args: readonly string[], options: LintOptions, io: CliIo): Promise<number> {
  const prepared = await prepare(args, options, io, false)
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

