import { emptyTally, tallyBy, tallyRules, addResult, type ItemResult, type Tally } from './tally.js'
import { compareCodeUnits } from '../core/compare.js'

/** Issue 10's bars on the suggestions from repositories other than the seed's. */
export const BARS = { hits: 0.35, exact: 0.15, editPrecision: 0.6 } as const

const ratio = (n: number, d: number): number | undefined => (d === 0 ? undefined : n / d)
const pct = (n: number, d: number): string => {
  const r = ratio(n, d)
  return r === undefined ? '-' : `${(100 * r).toFixed(1)}%`
}
const count = (n: number, d: number): string => `${n} ${pct(n, d).padStart(6)}`

function table(title: string, rows: ReadonlyArray<readonly [string, Tally]>): string[] {
  const width = Math.max(title.length, ...rows.map(([name]) => name.length)) + 1
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(width) : c.padStart([6, 7, 8, 13, 13, 16][i - 1] ?? 8))).join(' ')
  return [
    line([title, 'items', 'w/sugg', 'flagged', '>=1 edit', 'exact', 'edit precision']),
    ...rows.map(([name, t]) =>
      line([name, String(t.items), String(t.withSuggestion), String(t.flagged), count(t.hits, t.withSuggestion), count(t.exact, t.withSuggestion), `${t.matchedEdits}/${t.botEdits} ${pct(t.matchedEdits, t.botEdits).padStart(6)}`]),
    ),
  ]
}

const byItems = (a: readonly [string, Tally], b: readonly [string, Tally]) => b[1].items - a[1].items || compareCodeUnits(a[0], b[0])

/**
 * The eval report: the bars on the non-seed suggestions, then hits by category, by
 * repository and by rule (with the number of repositories each rule helped, so a rule
 * that helps one repository only is visible).
 */
export function renderReport(results: readonly ItemResult[]): string[] {
  const scored = results.filter((r) => !r.seed)
  const seed = emptyTally()
  for (const r of results) if (r.seed) addResult(seed, r)
  const all = emptyTally()
  for (const r of scored) addResult(all, r)
  const out: string[] = []
  const bar = (name: string, n: number, d: number, min: number) => {
    const r = ratio(n, d)
    out.push(`${name.padEnd(40)} ${`${n}/${d}`.padStart(8)} ${pct(n, d).padStart(6)}   bar >= ${(100 * min).toFixed(0)}%  ${r !== undefined && r >= min ? 'met' : 'NOT met'}`)
  }
  out.push(`non-seed suggestions (seed review ${seed.withSuggestion} scored apart): ${all.withSuggestion}`)
  bar('with at least one editor edit', all.hits, all.withSuggestion, BARS.hits)
  bar('exactly the editor line', all.exact, all.withSuggestion, BARS.exact)
  bar('edit precision (bot edits the editor made)', all.matchedEdits, all.botEdits, BARS.editPrecision)
  out.push('')
  out.push(...table('category (non-seed)', [['ALL', all], ...[...tallyBy(scored, (r) => r.category)].sort(byItems)]))
  out.push('')
  out.push(...table('repository (non-seed)', [...tallyBy(scored, (r) => r.repo)].sort(byItems)))
  if (seed.items > 0) out.push(...table('(seed review)', [['seed', seed]]))
  out.push('')
  const rules = [...tallyRules(scored)].sort((a, b) => b[1].hits - a[1].hits || b[1].editedItems - a[1].editedItems || compareCodeUnits(a[0], b[0]))
  const w = Math.max(20, ...rules.map(([id]) => id.length)) + 1
  out.push(`${'rule (non-seed)'.padEnd(w)} ${'edited'.padStart(6)} ${'hits'.padStart(5)} ${'hit repos'.padStart(9)} ${'edit precision'.padStart(16)}`)
  for (const [id, t] of rules) {
    out.push(`${id.padEnd(w)} ${String(t.editedItems).padStart(6)} ${String(t.hits).padStart(5)} ${`${t.hitRepos.size}/${t.editedRepos.size}`.padStart(9)} ${`${t.matchedEdits}/${t.botEdits} ${pct(t.matchedEdits, t.botEdits).padStart(6)}`.padStart(16)}`)
  }
  return out
}
