import type { Severity } from '../core/types.js'
import { judgmentIdentity, matchJudgments, type FindingRef, type Judgment, type Verdict } from './judgments.js'

/**
 * Precision of each rule on published posts, from hand judgments.
 * Precision = TP / (TP + FP + TASTE) over the judged findings the rule reports now:
 * a matter of taste is not a change the editor would make, so it counts against the rule.
 * Judgments of findings no longer reported do not count; a judged FP reported again is a
 * regression, a judged TP no longer reported is a lost true positive.
 */

export const RULE_PRECISION_BAR = 0.85
export const ERROR_WARNING_PRECISION_BAR = 0.9
export const SUGGESTION_PRECISION_BAR = 0.8
export const WARNING_DENSITY_BAR = 2
export const SUGGESTION_DENSITY_BAR = 4
/** Judge at least this many findings of a rule (all of them if it has fewer). */
export const MIN_JUDGED = 20

export interface SiteFinding extends FindingRef {
  readonly severity: Severity
}

export interface RuleInfo {
  readonly id: string
  readonly severity: Severity
}

export interface Counts {
  TP: number
  FP: number
  TASTE: number
}

export interface RuleRow {
  readonly rule: string
  readonly severity: Severity
  /** Findings per site. */
  readonly found: Record<string, number>
  readonly judged: Counts
  /** Judged findings per site (to see the spread). */
  readonly judgedBySite: Record<string, number>
  readonly precision: number | undefined
  readonly unjudged: SiteFinding[]
  /** Judged FP that the rule still reports. */
  readonly regressions: { finding: SiteFinding; judgment: Judgment }[]
  /** Judged TP no longer reported. */
  readonly lostTruePositives: Judgment[]
  /** Judged FP or TASTE no longer reported. */
  readonly resolved: Judgment[]
}

export interface PrecisionTable {
  readonly sites: readonly string[]
  readonly words: Record<string, number>
  readonly rows: RuleRow[]
  /** Judgments of rules that are not on by default (kept for when they are switched on). */
  readonly offRuleJudgments: number
  /** Earlier judgments of a finding judged again later: the later one counts. */
  readonly superseded: readonly { readonly earlier: Judgment; readonly later: Judgment }[]
}

const emptyCounts = (): Counts => ({ TP: 0, FP: 0, TASTE: 0 })
export const precisionOf = (c: Counts): number | undefined => (c.TP + c.FP + c.TASTE === 0 ? undefined : c.TP / (c.TP + c.FP + c.TASTE))

export function buildTable(input: {
  sites: readonly string[]
  words: Record<string, number>
  rules: readonly RuleInfo[]
  findings: readonly SiteFinding[]
  judgments: readonly Judgment[]
}): PrecisionTable {
  const on = new Set(input.rules.map((r) => r.id))
  const { byFinding, orphans } = matchJudgments(input.findings, input.judgments)
  const rows = new Map<string, RuleRow>()
  const zero = (): Record<string, number> => Object.fromEntries(input.sites.map((s) => [s, 0]))
  for (const r of input.rules) {
    rows.set(r.id, { rule: r.id, severity: r.severity, found: zero(), judged: emptyCounts(), judgedBySite: zero(), precision: undefined, unjudged: [], regressions: [], lostTruePositives: [], resolved: [] })
  }
  input.findings.forEach((f, i) => {
    const row = rows.get(f.rule)
    if (!row) return
    row.found[f.site] = (row.found[f.site] ?? 0) + 1
    const j = byFinding[i]
    if (!j) {
      row.unjudged.push(f)
      return
    }
    row.judged[j.verdict as Verdict] += 1
    row.judgedBySite[f.site] = (row.judgedBySite[f.site] ?? 0) + 1
    if (j.verdict === 'FP') row.regressions.push({ finding: f, judgment: j })
  })
  // The judgment that counts for each finding: the matched one, or the latest of a finding no longer reported.
  const matched = new Map<string, Judgment>()
  for (const j of [...byFinding, ...orphans]) {
    const id = j && judgmentIdentity(j)
    if (!j || id === undefined) continue
    const seen = matched.get(id)
    if (!seen || (!byFinding.includes(seen) && seen.sourceLine < j.sourceLine)) matched.set(id, j)
  }
  const superseded: { earlier: Judgment; later: Judgment }[] = []
  let offRuleJudgments = 0
  for (const j of orphans) {
    const later = matched.get(judgmentIdentity(j) ?? '')
    if (later && later !== j) {
      superseded.push({ earlier: j, later })
      continue
    }
    const row = rows.get(j.rule)
    if (!row || !on.has(j.rule)) {
      offRuleJudgments += 1
      continue
    }
    if (j.verdict === 'TP') row.lostTruePositives.push(j)
    else row.resolved.push(j)
  }
  const finished = [...rows.values()].map((r) => ({ ...r, precision: precisionOf(r.judged) }))
  return { sites: input.sites, words: input.words, rows: finished, offRuleJudgments, superseded }
}

export interface GroupSummary {
  readonly counts: Counts
  readonly precision: number | undefined
  /** Each rule's precision weighted by how often it fires (rules with judgments only). */
  readonly weighted: number | undefined
}

export function summarize(rows: readonly RuleRow[]): GroupSummary {
  const counts = emptyCounts()
  let weight = 0
  let weightedSum = 0
  for (const r of rows) {
    counts.TP += r.judged.TP
    counts.FP += r.judged.FP
    counts.TASTE += r.judged.TASTE
    const total = Object.values(r.found).reduce((a, b) => a + b, 0)
    if (r.precision !== undefined) {
      weight += total
      weightedSum += total * r.precision
    }
  }
  return { counts, precision: precisionOf(counts), weighted: weight === 0 ? undefined : weightedSum / weight }
}

/** Findings per 1,000 words of prose on one site, for rules of the given levels. */
export function density(table: PrecisionTable, site: string, levels: readonly Severity[]): { count: number; per1k: number } {
  const count = table.rows.filter((r) => levels.includes(r.severity)).reduce((n, r) => n + (r.found[site] ?? 0), 0)
  const words = table.words[site] ?? 0
  return { count, per1k: words === 0 ? 0 : (count * 1000) / words }
}

/** Findings of a rule that still need a judgment to reach MIN_JUDGED. */
export function judgingShortfall(row: RuleRow): number {
  const total = Object.values(row.found).reduce((a, b) => a + b, 0)
  const judged = row.judged.TP + row.judged.FP + row.judged.TASTE
  return Math.max(0, Math.min(MIN_JUDGED, total) - judged)
}
