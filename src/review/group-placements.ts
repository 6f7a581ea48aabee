import type { Finding, LineFix } from '../core/types.js'
import type { Placement } from '../diff/map-to-diff.js'

/** Findings of one file that share a comment: their line ranges overlap. */
export interface CommentGroup {
  readonly startLine: number
  readonly line: number
  readonly findings: readonly Finding[]
  /** Fixes to apply in this comment's one suggestion; they never overlap one another. */
  readonly fixes: readonly LineFix[]
}

/**
 * Merges placed findings whose comment ranges overlap into one group, sorted by line.
 * GitHub applies only one suggestion per line, so overlapping comments would fight. The
 * engine gives findings on the same lines one shared fix; if two different fixes still
 * overlap, the first is kept and the later finding stays in the comment as message only.
 */
export function groupPlacements(placements: readonly Placement[]): CommentGroup[] {
  const placed = placements
    .flatMap((p) => (p.kind === 'placed' ? [p] : []))
    .sort((a, b) => a.startLine - b.startLine || a.line - b.line || a.finding.span.start.offset - b.finding.span.start.offset)
  const groups: { startLine: number; line: number; findings: Finding[]; fixes: LineFix[] }[] = []
  for (const p of placed) {
    // Sorted by start line, so a range can only overlap the group opened last.
    let group = groups.at(-1)
    if (!group || p.startLine > group.line) {
      group = { startLine: p.startLine, line: p.line, findings: [], fixes: [] }
      groups.push(group)
    }
    group.line = Math.max(group.line, p.line)
    group.findings.push(p.finding)
    const fix = p.finding.fix
    if (fix && !group.fixes.some((f) => sameFix(f, fix) || overlaps(f, fix))) group.fixes.push(fix)
  }
  return groups.map((g) => ({ ...g, findings: [...g.findings].sort(byPosition) }))
}

function sameFix(a: LineFix, b: LineFix): boolean {
  return a.startLine === b.startLine && a.endLine === b.endLine && a.text === b.text
}

function overlaps(a: LineFix, b: LineFix): boolean {
  return a.startLine <= b.endLine && b.startLine <= a.endLine
}

function byPosition(a: Finding, b: Finding): number {
  return a.span.start.offset - b.span.start.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
}
