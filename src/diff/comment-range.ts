import type { Finding } from '../core/types.js'

/**
 * The 1-based lines a finding's span covers. A span ending at column 1 of a later line
 * stops at the line break before it: that next line holds none of the flagged text.
 */
export function spanLines(finding: Finding): { startLine: number; endLine: number } {
  const { start, end } = finding.span
  const endLine = end.line > start.line && end.column === 1 ? end.line - 1 : end.line
  return { startLine: start.line, endLine }
}

/**
 * The lines a comment on this finding must cover: its span, widened to its fix's lines
 * when it has one, because the suggestion block replaces exactly the commented lines.
 */
export function commentRange(finding: Finding): { startLine: number; line: number } {
  const span = spanLines(finding)
  if (!finding.fix) return { startLine: span.startLine, line: span.endLine }
  return { startLine: Math.min(span.startLine, finding.fix.startLine), line: Math.max(span.endLine, finding.fix.endLine) }
}
