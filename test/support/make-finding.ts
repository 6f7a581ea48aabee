import { indexLines, pointAt } from '../../src/core/text-lines.js'
import type { Finding, LineFix, Severity } from '../../src/core/types.js'

/** A hand-built finding on `actual`'s first occurrence at or after the start of `line`. */
export function makeFinding(
  source: string,
  options: { line: number; actual: string; fix?: LineFix; ruleId?: string; message?: string; path?: string; severity?: Severity; url?: string },
): Finding {
  const lines = indexLines(source)
  const start = source.indexOf(options.actual, lines.starts[options.line - 1] ?? 0)
  if (start === -1) throw new Error(`"${options.actual}" is not in the source after line ${options.line}`)
  const end = start + options.actual.length
  return {
    path: options.path ?? 'blog/post.md',
    ruleId: options.ruleId ?? 'utilize',
    severity: options.severity ?? 'warning',
    message: options.message ?? `Use \`use\` instead of \`${options.actual}\`.`,
    span: { start: pointAt(lines, start), end: pointAt(lines, end) },
    actual: options.actual,
    expected: ['use'],
    edits: [{ start, end, text: 'use' }],
    ...(options.fix ? { fix: options.fix } : {}),
    ...(options.url ? { url: options.url } : {}),
  }
}
