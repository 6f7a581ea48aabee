import { createHash } from 'node:crypto'

/**
 * Hand judgments of findings on published posts (bench/judgments.tsv), and how a
 * judgment finds its finding again after the post or the rule changed.
 * The file holds no post text: a finding is named by site, file, line, rule and a
 * short hash of the text it matched.
 */

export type Verdict = 'TP' | 'FP' | 'TASTE'

export interface Judgment {
  readonly site: string
  readonly file: string
  readonly line: number
  readonly rule: string
  /** Short hash of the finding's matched text (`findingKey`), or '' when written by hand without one. */
  readonly key: string
  readonly verdict: Verdict
  readonly reason: string
  /** Line in the judgments file, for messages. */
  readonly sourceLine: number
}

/** What a judgment is matched against: one finding, reduced to its identity. */
export interface FindingRef {
  readonly site: string
  readonly file: string
  readonly line: number
  readonly rule: string
  readonly key: string
}

export const JUDGMENT_COLUMNS = ['site', 'file', 'line', 'rule', 'key', 'verdict', 'reason'] as const
const VERDICTS: readonly string[] = ['TP', 'FP', 'TASTE']

/** 8 hex digits of SHA-1 over the matched text with runs of white space made one space. */
export function findingKey(actual: string): string {
  return createHash('sha1').update(actual.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 8)
}

export interface ParseError {
  readonly line: number
  readonly message: string
}

/** Tab-separated, one judgment a line; `#` lines and blank lines are comments; an optional header row. */
export function parseJudgments(text: string): { judgments: Judgment[]; errors: ParseError[] } {
  const judgments: Judgment[] = []
  const errors: ParseError[] = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const sourceLine = i + 1
    if (raw.trim() === '' || raw.startsWith('#')) return
    const cells = raw.split('\t')
    if (cells[0] === 'site' && cells[1] === 'file') return
    if (cells.length < 6 || cells.length > 7) {
      errors.push({ line: sourceLine, message: `expected ${JUDGMENT_COLUMNS.length} tab-separated columns (${JUDGMENT_COLUMNS.join(', ')}), found ${cells.length}` })
      return
    }
    const [site = '', file = '', lineText = '', rule = '', key = '', verdict = '', reason = ''] = cells
    const line = Number(lineText)
    if (!site || !file || !rule) errors.push({ line: sourceLine, message: 'site, file and rule must not be empty' })
    else if (!Number.isInteger(line) || line < 1) errors.push({ line: sourceLine, message: `line must be a positive whole number, found "${lineText}"` })
    else if (key !== '' && key !== '-' && !/^[0-9a-f]{8}$/.test(key)) errors.push({ line: sourceLine, message: `key must be 8 hex digits or "-", found "${key}"` })
    else if (!VERDICTS.includes(verdict)) errors.push({ line: sourceLine, message: `verdict must be TP, FP or TASTE, found "${verdict}"` })
    else judgments.push({ site, file, line, rule, key: key === '-' ? '' : key, verdict: verdict as Verdict, reason: reason.trim(), sourceLine })
  })
  return { judgments, errors }
}

/** What makes two judgments judge the same finding: a keyed judgment's site, file, line, rule and key. */
export function judgmentIdentity(j: Judgment): string | undefined {
  return j.key === '' ? undefined : [j.site, j.file, j.line, j.rule, j.key].join('\0')
}

export function formatJudgment(ref: FindingRef, verdict: string, reason: string): string {
  return [ref.site, ref.file, String(ref.line), ref.rule, ref.key || '-', verdict, reason.replace(/[\t\r\n]+/g, ' ')].join('\t')
}

export interface MatchResult {
  /** For each finding (same order as given), its judgment or undefined. */
  readonly byFinding: (Judgment | undefined)[]
  /** Judgments whose finding is no longer reported. */
  readonly orphans: Judgment[]
}

/**
 * Pairs findings with judgments of the same site, file and rule:
 * 1. same line and key; 2. same key on the nearest line (the post moved by a few lines);
 * 3. a judgment written without a key, on the same line.
 * A judgment with a key never matches other text on its line: the rule may have been
 * narrowed, and the verdict was about the old text. A finding judged twice (two engineers
 * append to one file) takes the later judgment: a re-judgment wins.
 */
export function matchJudgments(findings: readonly FindingRef[], judgments: readonly Judgment[]): MatchResult {
  const groupOf = (x: { site: string; file: string; rule: string }): string => `${x.site}\0${x.file}\0${x.rule}`
  const open = new Map<string, Judgment[]>()
  for (const j of [...judgments].sort((a, b) => b.sourceLine - a.sourceLine)) {
    const list = open.get(groupOf(j)) ?? []
    list.push(j)
    open.set(groupOf(j), list)
  }
  const byFinding: (Judgment | undefined)[] = findings.map(() => undefined)
  const take = (candidates: Judgment[], pick: Judgment): void => {
    candidates.splice(candidates.indexOf(pick), 1)
  }
  const passes: ((f: FindingRef, c: Judgment[]) => Judgment | undefined)[] = [
    (f, c) => c.find((j) => j.key === f.key && j.line === f.line),
    (f, c) => nearest(c.filter((j) => j.key === f.key), f.line),
    (f, c) => c.find((j) => j.key === '' && j.line === f.line),
  ]
  for (const pass of passes) {
    findings.forEach((f, i) => {
      if (byFinding[i]) return
      const candidates = open.get(groupOf(f))
      if (!candidates || candidates.length === 0) return
      const hit = pass(f, candidates)
      if (hit) {
        byFinding[i] = hit
        take(candidates, hit)
      }
    })
  }
  const orphans = [...open.values()].flat().sort((a, b) => a.sourceLine - b.sourceLine)
  return { byFinding, orphans }
}

function nearest(candidates: readonly Judgment[], line: number): Judgment | undefined {
  let best: Judgment | undefined
  for (const j of candidates) if (!best || Math.abs(j.line - line) < Math.abs(best.line - line)) best = j
  return best
}
