// `npm run eval [-- SHARED_DIR]`: the rule pack against real editorial suggestions.
// Only the submitted text (context + original line) reaches the linter; the editor's
// suggestion, comment and category are read after linting, to score.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DEFAULT_CONFIG } from '../src/config/repo-config.js'
import { createLinter } from '../src/lint/linter.js'
import { runItem, scoreEdits } from '../src/evaluate/evaluate-item.js'

interface ReviewItem {
  id: string
  repo: string
  pr: number
  file: string
  original: string
  suggestion: string | null
  comment: string
  context: string
  category: string
}

const shared = resolve(process.argv[2] ?? '../shared')
const dataset = process.argv[3] ?? join(shared, 'reviews', 'dev.jsonl')
if (!existsSync(dataset)) {
  console.error(`eval: ${dataset} not found; usage: npm run eval -- [SHARED_DIR] [JSONL]`)
  process.exit(2)
}
const items = readFileSync(dataset, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as ReviewItem)
const verbose = process.env.EVAL_VERBOSE === '1'
const { linter } = createLinter({ config: DEFAULT_CONFIG })

interface Tally { items: number; withSuggestion: number; flagged: number; oneEdit: number; exact: number; botEdits: number; matchedEdits: number }
const empty = (): Tally => ({ items: 0, withSuggestion: 0, flagged: 0, oneEdit: 0, exact: 0, botEdits: 0, matchedEdits: 0 })
const total = empty()
const byCategory = new Map<string, Tally>()
const contextFindings = new Set<string>()

for (const item of items) {
  const outcome = runItem(linter, { file: item.file, context: item.context, original: item.original })
  const tallies = [total, byCategory.get(item.category) ?? empty()]
  byCategory.set(item.category, tallies[1] as Tally)
  for (const f of outcome.contextFindings) contextFindings.add(`${item.repo}#${item.pr}:${item.file}:${f.actual}:${f.ruleId}`)
  const score = item.suggestion === null ? undefined : scoreEdits(item.original, item.suggestion, outcome.botLine)
  for (const t of tallies) {
    t.items++
    if (outcome.findings.length > 0) t.flagged++
    if (!score) continue
    t.withSuggestion++
    if (score.matchedEdits > 0) t.oneEdit++
    if (score.exact) t.exact++
    t.botEdits += score.botEdits
    t.matchedEdits += score.matchedEdits
  }
  if (verbose) {
    const mark = score?.exact ? 'EXACT' : score && score.matchedEdits > 0 ? 'EDIT ' : outcome.findings.length > 0 ? 'FLAG ' : '     '
    console.log(`${mark} ${item.id} [${item.category}] ${outcome.findings.map((f) => f.ruleId).join(',')}`)
    if (score && outcome.botLine !== item.original && !score.exact) console.log(`   bot:    ${outcome.botLine}\n   editor: ${item.suggestion}`)
  }
}

const pct = (n: number, d: number): string => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`)
const row = (name: string, t: Tally): string =>
  `${name.padEnd(24)} ${String(t.items).padStart(5)} ${String(t.withSuggestion).padStart(6)} ${String(t.flagged).padStart(7)} ${`${t.oneEdit} ${pct(t.oneEdit, t.withSuggestion)}`.padStart(13)} ${`${t.exact} ${pct(t.exact, t.withSuggestion)}`.padStart(13)} ${`${t.matchedEdits}/${t.botEdits} ${pct(t.matchedEdits, t.botEdits)}`.padStart(16)}`
console.log(`dataset: ${dataset}`)
console.log(`${'category'.padEnd(24)} ${'items'.padStart(5)} ${'w/sugg'.padStart(6)} ${'flagged'.padStart(7)} ${'>=1 edit'.padStart(13)} ${'exact'.padStart(13)} ${'edit precision'.padStart(16)}`)
console.log(row('ALL', total))
for (const [name, t] of [...byCategory].sort((a, b) => b[1].items - a[1].items)) console.log(row(name, t))
console.log(`findings on lines the editor left alone (context lines, deduplicated): ${contextFindings.size}`)
console.log(`targets: >=1 editor edit on >= 50% of items with a suggestion; exact >= 25%; edit precision >= 40%`)
