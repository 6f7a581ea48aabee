import { indexLines, type TextLines } from '../core/text-lines.js'
import type { Edit, Finding, LineFix } from '../core/types.js'
import { applyFixes } from '../lint/apply-fixes.js'
import { toLineFixes } from '../lint/line-fixes.js'

export interface PlanFixesOptions {
  readonly source: string
  /** Findings with their column edits (already guarded), before merging. */
  readonly findings: readonly Finding[]
  /** Lints the source with these fixes applied (the text given) the same way, for checking what they leave behind. */
  readonly relint: (fixed: string, fixes: readonly LineFix[]) => readonly Finding[]
  /** Whose edits are applied (a fix tier); the others stay message-only. */
  readonly applies?: (finding: Finding) => boolean
}

/** Rounds of dropping fixes before giving up on fixing the post at all. */
const MAX_ROUNDS = 6

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
    const merged = toLineFixes(candidates, lines)
    const fixes = uniqueFixes(merged)
    if (fixes.length === 0) return merged
    const fixedText = applyFixes(source, fixes)
    const culprits = harmfulEdits({ merged, before: findings, after: relint(fixedText, fixes), lines, afterLines: indexLines(fixedText) })
    if (culprits.size === 0) return merged
    for (const f of culprits) rejected.add(f)
  }
  return toLineFixes(findings.map(withoutEdits), lines)
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

interface Audit {
  /** `merged[i]` is `before[i]` with its fix. */
  readonly merged: readonly Finding[]
  readonly before: readonly Finding[]
  readonly after: readonly Finding[]
  readonly lines: TextLines
  readonly afterLines: TextLines
}

/**
 * For every fix after which some rule reports, on the fixed lines, a finding it did not
 * report there before: the finding whose edit lands nearest that new finding, so the
 * other edits on the line can still be applied. A finding left unfixed that overlapped
 * an applied edit may come back with the edit inside its text (a heading rule quoting
 * the fixed heading): it counts as the same. A fixed finding never comes back.
 */
function harmfulEdits({ merged, before, after, lines, afterLines }: Audit): Set<Finding> {
  const culprits = new Set<Finding>()
  const groups = new Map<string, Finding[]>()
  merged.forEach((f, i) => {
    if (f.fix) groups.set(key(f.fix), [...(groups.get(key(f.fix)) ?? []), before[i] as Finding])
  })
  const fixed = new Set([...groups.values()].flat())
  let shift = 0
  for (const fix of uniqueFixes(merged)) {
    const newStart = fix.startLine + shift
    const newLines = fix.text === '' ? 0 : fix.text.split('\n').length
    shift += newLines - (fix.endLine - fix.startLine + 1)
    if (newLines === 0) continue
    const newEnd = newStart + newLines - 1
    const group = groups.get(key(fix)) ?? []
    const applied = group.flatMap((f) => f.edits)
    const was = before.filter((f) => onLines(f, fix.startLine, fix.endLine))
    const now = after.filter((f) => onLines(f, newStart, newEnd))
    const [broken] = unmatched(now, was, {
      // A fixed finding is gone: the same finding after the fix means a second fix would change the line ("i.e." -> "that is" -> "that's").
      same: (a, b) => !fixed.has(b) && findingKey(a, newStart, newEnd) === findingKey(b, fix.startLine, fix.endLine),
      rewritten: (a, b) => a.ruleId === b.ruleId && !fixed.has(b) && applied.some((e) => overlaps(b, e)),
    })
    if (!broken) continue
    const shiftOf = (lines.starts[fix.startLine - 1] ?? 0) - (afterLines.starts[newStart - 1] ?? 0)
    culprits.add(nearest(group, broken, shiftOf))
  }
  return culprits
}

/** The finding whose edit, placed in the fixed text, lies closest to `broken`. */
function nearest(group: readonly Finding[], broken: Finding, oldMinusNew: number): Finding {
  const edits = group.flatMap((f) => f.edits.map((e) => ({ f, e }))).sort((a, b) => a.e.start - b.e.start)
  let delta = -oldMinusNew
  let best = { f: group[0] as Finding, distance: Number.POSITIVE_INFINITY }
  for (const { f, e } of edits) {
    const from = e.start + delta
    const to = from + e.text.length
    const distance = Math.max(0, from - broken.span.end.offset, broken.span.start.offset - to)
    if (distance < best.distance) best = { f, distance }
    delta += e.text.length - (e.end - e.start)
  }
  return best.f
}

function overlaps(f: Finding, e: Edit): boolean {
  return f.span.start.offset <= e.end && f.span.end.offset >= e.start
}

/**
 * The findings of `now` that pair with none of `was`, each used once: first every pair
 * that is the same finding, then pairs where the fix rewrote the old one's text.
 */
export function unmatched(now: readonly Finding[], was: readonly Finding[], match: {
  same: (now: Finding, was: Finding) => boolean
  rewritten: (now: Finding, was: Finding) => boolean
}): Finding[] {
  const pool = [...was]
  const rest = now.filter((f) => {
    const i = pool.findIndex((w) => match.same(f, w))
    if (i >= 0) pool.splice(i, 1)
    return i < 0
  })
  return rest.filter((f) => {
    const i = pool.findIndex((w) => match.rewritten(f, w))
    if (i >= 0) pool.splice(i, 1)
    return i < 0
  })
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


