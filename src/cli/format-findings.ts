import type { CompiledRule } from '../rules/compile-rules.js'
import type { Finding, Severity } from '../core/types.js'

export interface FileReport {
  readonly path: string
  readonly findings: readonly Finding[]
}

/** The stable JSON shape other tools read: keep these field names. */
export function toJsonFinding(f: Finding): Record<string, unknown> {
  return {
    path: f.path,
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    line: f.span.start.line,
    column: f.span.start.column,
    endLine: f.span.end.line,
    endColumn: f.span.end.column,
    fix: f.fix ? { startLine: f.fix.startLine, endLine: f.fix.endLine, text: f.fix.text } : null,
    ...(f.url ? { url: f.url } : {}),
    ...(f.relatedLine ? { relatedLine: f.relatedLine } : {}),
  }
}

export function formatJson(reports: readonly FileReport[]): string {
  return `${JSON.stringify(reports.flatMap((r) => r.findings.map(toJsonFinding)), null, 2)}\n`
}

export function formatText(reports: readonly FileReport[]): string {
  const out: string[] = []
  const count: Record<Severity, number> = { error: 0, warning: 0, suggestion: 0 }
  let fixable = 0
  for (const report of reports) {
    if (report.findings.length === 0) continue
    out.push(report.path)
    for (const f of report.findings) {
      count[f.severity]++
      if (f.fix) fixable++
      const where = `${f.span.start.line}:${f.span.start.column}`.padEnd(8)
      out.push(`  ${where}${f.severity.padEnd(12)}${f.message}  ${f.ruleId}`)
    }
    out.push('')
  }
  const total = count.error + count.warning + count.suggestion
  if (total === 0) out.push(`No problems in ${reports.length} file${reports.length === 1 ? '' : 's'}.`)
  else {
    out.push(
      `${total} problem${total === 1 ? '' : 's'} (${count.error} error${count.error === 1 ? '' : 's'}, ${count.warning} warning${count.warning === 1 ? '' : 's'}, ${count.suggestion} suggestion${count.suggestion === 1 ? '' : 's'}) in ${reports.length} file${reports.length === 1 ? '' : 's'}; ${fixable} fixable with \`bluepencil fix\`.`,
    )
  }
  return `${out.join('\n')}\n`
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', suggestion: 'note' }

/** SARIF 2.1.0 for code-scanning tools. */
export function formatSarif(reports: readonly FileReport[], rules: readonly CompiledRule[], version: string): string {
  const used = new Set(reports.flatMap((r) => r.findings.map((f) => f.ruleId)))
  const driverRules = rules
    .filter((r) => used.has(r.id))
    .map((r) => ({
      id: r.id,
      shortDescription: { text: r.message.replace(/\{(actual|expected|line)\}/g, '…') },
      ...(r.description ? { fullDescription: { text: r.description } } : {}),
      ...(r.url ? { helpUri: r.url } : {}),
      defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
    }))
  const results = reports.flatMap((r) =>
    r.findings.map((f) => ({
      ruleId: f.ruleId,
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: f.path }, region: region(f) } }],
      ...(f.fix
        ? {
            fixes: [{
              description: { text: f.message },
              artifactChanges: [{
                artifactLocation: { uri: f.path },
                replacements: [{ deletedRegion: { startLine: f.fix.startLine, endLine: f.fix.endLine }, insertedContent: { text: f.fix.text } }],
              }],
            }],
          }
        : {}),
    })),
  )
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'bluepencil', version, informationUri: 'https://github.com/bluepencil/bluepencil', rules: driverRules } }, results }],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}

function region(f: Finding): Record<string, number> {
  return { startLine: f.span.start.line, startColumn: f.span.start.column, endLine: f.span.end.line, endColumn: f.span.end.column }
}
