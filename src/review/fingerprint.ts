import { createHash } from 'node:crypto'
import type { Finding } from '../core/types.js'

/**
 * A finding's identity across pushes: path, rule, the flagged text and the trimmed text
 * of its line, never the line number, so a finding that only moved keeps its id.
 */
export function fingerprint(finding: Finding, source: string): string {
  const lineStart = source.lastIndexOf('\n', finding.span.start.offset - 1) + 1
  const lineEndAt = source.indexOf('\n', finding.span.end.offset)
  const lineText = source.slice(lineStart, lineEndAt === -1 ? source.length : lineEndAt).trim()
  return createHash('sha256').update([finding.path, finding.ruleId, finding.actual, lineText].join('\u0000')).digest('hex').slice(0, 16)
}

export function marker(fp: string): string {
  return `<!-- bluepencil:fp=${fp} -->`
}

/** Every fingerprint marker in a comment body (a comment can carry several findings). */
export function readMarkers(body: string): string[] {
  return [...body.matchAll(/<!-- bluepencil:fp=([0-9a-f]{6,64}) -->/g)].map((m) => m[1] as string)
}
