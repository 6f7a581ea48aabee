import type { Finding } from '../core/types.js'
import { hunkCovering, type FileDiff } from './parse-patch.js'

export type DiffMode = 'added' | 'diff_context'

export type Placement =
  /** Every line of the comment range can be anchored: comment on it. */
  | { readonly kind: 'comment'; readonly finding: Finding; readonly startLine: number; readonly line: number }
  /** The author changed these lines, but GitHub cannot anchor the range: list it in the review body. */
  | { readonly kind: 'unanchored'; readonly finding: Finding }
  /** Lines the pull request did not touch: the author did not write them, so say nothing. */
  | { readonly kind: 'outside'; readonly finding: Finding }

/** The lines a comment on this finding covers: its fix's lines when it has one (the suggestion replaces them). */
export function commentRange(finding: Finding): { startLine: number; line: number } {
  const first = Math.min(finding.span.start.line, finding.fix?.startLine ?? Number.POSITIVE_INFINITY)
  const last = Math.max(finding.span.end.offset > finding.span.start.offset && finding.span.end.column === 1 ? finding.span.end.line - 1 : finding.span.end.line, finding.fix?.endLine ?? 0)
  return { startLine: first, line: Math.max(first, last) }
}

export function mapToDiff(finding: Finding, diff: FileDiff, mode: DiffMode): Placement {
  const { startLine, line } = commentRange(finding)
  const lines = Array.from({ length: line - startLine + 1 }, (_, i) => startLine + i)
  const touched = lines.some((l) => diff.hunks.some((h) => h.added.has(l)))
  const visible = (l: number): boolean => diff.hunks.some((h) => h.added.has(l) || (mode === 'diff_context' && h.context.has(l)))
  if (!touched && !(mode === 'diff_context' && lines.every(visible))) return { kind: 'outside', finding }
  const hunk = hunkCovering(diff, startLine, line)
  const anchorable = hunk !== undefined && lines.every((l) => hunk.added.has(l) || hunk.context.has(l)) && lines.every(visible)
  return anchorable ? { kind: 'comment', finding, startLine, line } : { kind: 'unanchored', finding }
}
