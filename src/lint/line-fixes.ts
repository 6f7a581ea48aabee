import { lineContentEnd, pointAt, type TextLines } from '../core/text-lines.js'
import type { Edit, Finding, LineFix } from '../core/types.js'

interface Pending {
  readonly finding: Finding
  readonly startLine: number
  readonly endLine: number
}

/**
 * Gives every finding with edits a whole-line fix. Findings whose lines overlap share
 * ONE fix carrying all their edits, as an editor writes one suggestion per line. An
 * edit that overlaps one already taken would corrupt it, so its finding stays
 * message-only.
 */
export function toLineFixes(findings: readonly Finding[], lines: TextLines): Finding[] {
  const pending = findings
    .filter((f) => f.edits.length > 0)
    .map((finding) => ({ finding, ...lineRange(finding.edits, lines) }))
    .sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine)
  const fixes = new Map<Finding, LineFix | undefined>()
  for (const group of groupByLines(pending)) {
    const { fix, accepted } = buildFix(group, lines)
    for (const p of group) fixes.set(p.finding, accepted.has(p.finding) ? fix : undefined)
  }
  return findings.map((f) => {
    const fix = fixes.get(f)
    if (fix) return { ...f, fix }
    return f.edits.length > 0 ? { ...f, edits: [] } : f
  })
}

function lineRange(edits: readonly Edit[], lines: TextLines): { startLine: number; endLine: number } {
  const start = Math.min(...edits.map((e) => e.start))
  const end = Math.max(...edits.map((e) => e.end))
  const startLine = pointAt(lines, start).line
  let endLine = pointAt(lines, end > start ? end - 1 : start).line
  while (lineContentEnd(lines, endLine) < end && endLine < lines.starts.length) endLine++
  return { startLine, endLine }
}

function groupByLines(sorted: readonly Pending[]): Pending[][] {
  const groups: Pending[][] = []
  let current: Pending[] = []
  let currentEnd = -1
  for (const p of sorted) {
    if (current.length > 0 && p.startLine > currentEnd) {
      groups.push(current)
      current = []
    }
    current.push(p)
    currentEnd = Math.max(currentEnd, p.endLine)
  }
  if (current.length > 0) groups.push(current)
  return groups
}

function buildFix(group: readonly Pending[], lines: TextLines): { fix: LineFix | undefined; accepted: Set<Finding> } {
  const startLine = Math.min(...group.map((p) => p.startLine))
  const endLine = Math.max(...group.map((p) => p.endLine))
  const from = lines.starts[startLine - 1] ?? 0
  const to = lineContentEnd(lines, endLine)
  const taken: Edit[] = []
  const accepted = new Set<Finding>()
  const ordered = [...group].sort((a, b) => firstStart(a.finding) - firstStart(b.finding))
  // Findings come in order of their first edit, so one running end detects every overlap.
  let takenEnd = from
  for (const { finding } of ordered) {
    const edits = [...finding.edits].sort((a, b) => a.start - b.start)
    const clashes = edits.some((e, i) => e.start < (i === 0 ? takenEnd : (edits[i - 1] as Edit).end) || e.end > to)
    if (clashes) continue
    taken.push(...edits)
    takenEnd = Math.max(takenEnd, ...edits.map((e) => e.end))
    accepted.add(finding)
  }
  let text = ''
  let cursor = from
  for (const e of taken) {
    text += lines.source.slice(cursor, e.start) + e.text
    cursor = e.end
  }
  text += lines.source.slice(cursor, to)
  if (text === lines.source.slice(from, to)) return { fix: undefined, accepted: new Set() }
  return { fix: { startLine, endLine, text }, accepted }
}

function firstStart(f: Finding): number {
  return Math.min(...f.edits.map((e) => e.start))
}
