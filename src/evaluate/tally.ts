import type { EditScore } from './evaluate-item.js'

/** What happened on one review item: did the bot flag it, and how do its edits compare. */
export interface ItemResult {
  readonly id: string
  readonly repo: string
  readonly category: string
  readonly seed: boolean
  readonly flagged: boolean
  /** Absent for a remark without a suggestion block. */
  readonly score?: EditScore
  /** Per rule, the edits its findings alone would make and how many of them the editor made. */
  readonly byRule: ReadonlyMap<string, EditScore>
}

export interface Tally {
  items: number
  withSuggestion: number
  flagged: number
  /** Items with a suggestion where at least one bot edit is one of the editor's. */
  hits: number
  exact: number
  botEdits: number
  matchedEdits: number
}

export const emptyTally = (): Tally => ({ items: 0, withSuggestion: 0, flagged: 0, hits: 0, exact: 0, botEdits: 0, matchedEdits: 0 })

export function addResult(t: Tally, r: Pick<ItemResult, 'flagged' | 'score'>): void {
  t.items++
  if (r.flagged) t.flagged++
  if (!r.score) return
  t.withSuggestion++
  if (r.score.matchedEdits > 0) t.hits++
  if (r.score.exact) t.exact++
  t.botEdits += r.score.botEdits
  t.matchedEdits += r.score.matchedEdits
}

export function tallyBy(results: readonly ItemResult[], key: (r: ItemResult) => string): Map<string, Tally> {
  const out = new Map<string, Tally>()
  for (const r of results) {
    const k = key(r)
    const t = out.get(k) ?? emptyTally()
    addResult(t, r)
    out.set(k, t)
  }
  return out
}

/** Per rule: items it made edits on, items where one of them was the editor's, and in how many repositories. */
export interface RuleTally {
  editedItems: number
  hits: number
  botEdits: number
  matchedEdits: number
  readonly hitRepos: Set<string>
  readonly editedRepos: Set<string>
}

export function tallyRules(results: readonly ItemResult[]): Map<string, RuleTally> {
  const out = new Map<string, RuleTally>()
  for (const r of results) {
    if (!r.score) continue
    for (const [rule, s] of r.byRule) {
      const t = out.get(rule) ?? { editedItems: 0, hits: 0, botEdits: 0, matchedEdits: 0, hitRepos: new Set<string>(), editedRepos: new Set<string>() }
      if (s.botEdits > 0) {
        t.editedItems++
        t.editedRepos.add(r.repo)
      }
      if (s.matchedEdits > 0) {
        t.hits++
        t.hitRepos.add(r.repo)
      }
      t.botEdits += s.botEdits
      t.matchedEdits += s.matchedEdits
      out.set(rule, t)
    }
  }
  return out
}
