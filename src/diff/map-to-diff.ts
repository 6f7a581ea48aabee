import type { Finding } from '../core/types.js'
import { commentRange } from './comment-range.js'
import { hunkOfLine, isAddedLine, type FileDiff } from './parse-patch.js'

/** `added`: comment only on lines the pull request added; `diff_context`: also on unchanged lines shown in a hunk. */
export type DiffMode = 'added' | 'diff_context'

export type Placement =
  /** Every line of the comment range can be anchored, in one hunk: comment on it. */
  | { readonly kind: 'placed'; readonly finding: Finding; readonly startLine: number; readonly line: number }
  /** The author changed some of these lines, but GitHub cannot anchor the range: list it in the review body. */
  | { readonly kind: 'unanchored'; readonly finding: Finding }
  /** The pull request did not touch these lines: the author did not write them, so say nothing. */
  | { readonly kind: 'outside-diff'; readonly finding: Finding }

/**
 * Decides where each finding can go. One anchor GitHub refuses rejects the whole
 * review (422, without saying which comment), so this is the single gate: a range
 * is placed only if all its lines sit in ONE hunk and, in `added` mode, were added.
 */
export function mapToDiff(findings: readonly Finding[], diff: FileDiff, mode: DiffMode): Placement[] {
  return findings.map((finding) => place(finding, diff, mode))
}

function place(finding: Finding, diff: FileDiff, mode: DiffMode): Placement {
  const { startLine, line } = commentRange(finding)
  const lines = Array.from({ length: line - startLine + 1 }, (_, i) => startLine + i)
  const hunk = hunkOfLine(diff, startLine)
  const anchorable =
    hunk !== undefined &&
    lines.every((l) => hunk.addedLines.has(l) || (mode === 'diff_context' && hunk.contextLines.has(l)))
  if (anchorable) return { kind: 'placed', finding, startLine, line }
  return lines.some((l) => isAddedLine(diff, l)) ? { kind: 'unanchored', finding } : { kind: 'outside-diff', finding }
}
