import { createHash } from 'node:crypto'
import { indexLines, lineText } from '../core/text-lines.js'
import type { Finding } from '../core/types.js'
import { spanLines } from '../diff/comment-range.js'

/**
 * A finding's identity across pushes: path, rule, the flagged text and the trimmed text
 * of its line(s), never a line number, so a finding that only moved keeps its id. A
 * finding whose line was edited gets a new id: the old comment no longer fits it.
 */
export function fingerprint(finding: Finding, source: string): string {
  const lines = indexLines(source)
  const { startLine, endLine } = spanLines(finding)
  const text = Array.from({ length: endLine - startLine + 1 }, (_, i) => lineText(lines, startLine + i).trim()).join('\n')
  return hashOf(finding.path, finding.ruleId, finding.actual.replace(/\r\n/g, '\n'), text)
}

/** A short stable hex id of some text fields (also used for body notices that have no finding). */
export function hashOf(...fields: readonly string[]): string {
  // NUL separates the fields: text posts do not contain it, so ("ab","c") and ("a","bc") differ.
  return createHash('sha256').update(fields.join('\u0000')).digest('hex').slice(0, 16)
}

/** The hidden marker a comment or review body carries, once per finding it reports. */
export function marker(fp: string): string {
  return `<!-- bluepencil:fp=${fp} -->`
}

/** Every fingerprint marker in a body, in order, without repeats. */
export function readMarkers(body: string): string[] {
  return [...new Set([...body.matchAll(/<!-- bluepencil:fp=([0-9a-f]{6,64}) -->/g)].map((m) => m[1] as string))]
}
