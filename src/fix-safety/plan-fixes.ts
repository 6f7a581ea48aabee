import { indexLines } from '../core/text-lines.js'
import type { Finding, LineFix } from '../core/types.js'
import { applyFixes } from '../lint/apply-fixes.js'
import { toLineFixes as mergeFixes } from '../lint/line-fixes.js'

export interface PlanFixesOptions {
  readonly source: string
  /** Findings with their column edits (already guarded), before merging. */
  readonly findings: readonly Finding[]
  /** Lints a text the same way, for checking what a fix leaves behind. */
  readonly relint: (source: string) => readonly Finding[]
  /** Whose edits are applied (a fix tier); the others stay message-only. */
  readonly applies?: (finding: Finding) => boolean
}

/** Rounds of dropping fixes before giving up on fixing the post at all. */
const MAX_ROUNDS = 4

/**
 * Merges edits into whole-line fixes and keeps only fixes that leave their lines with
 * no finding that was not there before: no rule undoes another ("Node.js" <-> "node.js"),
 * and no fix makes a new error ("help facilitate" -> "help help"). A rejected fix's
 * findings keep their message. Checked by linting the fixed text, so it holds for every
 * rule, present and future, not only the careful ones.
 */
export function planFixes(options: PlanFixesOptions): Finding[] {
  const { source, findings, relint } = options
  const applies = options.applies ?? (() => true)
  const lines = indexLines(source)
  const rejected = new Set<Finding>()
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const candidates = findings.map((f) => (applies(f) && !rejected.has(f) ? f : withoutEdits(f)))
    const merged = mergeFixes(candidates, lines)
    const fixes = uniqueFixes(merged)
    if (fixes.length === 0) return merged
    const bad = harmfulFixes(fixes, findings, relint(applyFixes(source, fixes)))
    if (bad.size === 0) return merged
    merged.forEach((f, i) => {
      if (f.fix && bad.has(key(f.fix))) rejected.add(findings[i] as Finding)
    })
  }
  return mergeFixes(findings.map(withoutEdits), lines)
}

function withoutEdits(f: Finding): Finding {
  return f.edits.length === 0 ? f : { ...f, edits: [] }
}

function uniqueFixes(findings: readonly Finding[]): LineFix[] {
  const byKey = new Map<string, LineFix>()
  for (const f of findings) if (f.fix) byKey.set(key(f.fix), f.fix)
  return [...byKey.values()].sort((a, b) => a.startLine - b.startLine)
}

function key(fix: LineFix): string {
  return `${fix.startLine}:${fix.endLine}`
}

/** Fixes after which some rule reports, on the fixed lines, a finding it did not report there before. */
function harmfulFixes(fixes: readonly LineFix[], before: readonly Finding[], after: readonly Finding[]): Set<string> {
  const bad = new Set<string>()
  let shift = 0
  for (const fix of fixes) {
    const newStart = fix.startLine + shift
    const newLines = fix.text === '' ? 0 : fix.text.split('\n').length
    shift += newLines - (fix.endLine - fix.startLine + 1)
    if (newLines === 0) continue
    const newEnd = newStart + newLines - 1
    const was = counts(before.filter((f) => onLines(f, fix.startLine, fix.endLine)), fix.startLine, fix.endLine)
    for (const f of after) {
      if (!onLines(f, newStart, newEnd)) continue
      const k = findingKey(f, newStart, newEnd)
      const left = was.get(k) ?? 0
      if (left === 0) {
        bad.add(key(fix))
        break
      }
      was.set(k, left - 1)
    }
  }
  return bad
}

function onLines(f: Finding, first: number, last: number): boolean {
  return f.span.start.line <= last && f.span.end.line >= first
}

/**
 * A finding inside the fixed lines is the same finding when its rule and text are (in
 * any case: a heading lowered by one rule keeps another's finding); one
 * reaching beyond them (a duplicate paragraph) is the same when its rule is, since the
 * fix itself changed part of its text.
 */
function findingKey(f: Finding, first: number, last: number): string {
  const inside = f.span.start.line >= first && f.span.end.line <= last
  return inside ? `${f.ruleId}\0${f.actual.replace(/\s+/g, ' ').toLowerCase()}` : `${f.ruleId}\0*`
}

function counts(findings: readonly Finding[], first: number, last: number): Map<string, number> {
  const out = new Map<string, number>()
  for (const f of findings) {
    const k = findingKey(f, first, last)
    out.set(k, (out.get(k) ?? 0) + 1)
  }
  return out
}
