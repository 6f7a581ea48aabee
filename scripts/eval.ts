// `npm run eval [-- SHARED_DIR [JSONL]]`: the rule pack against real editorial suggestions.
// Only the submitted text (context + original line) reaches the linter; the editor's
// suggestion, comment and category are read after linting, to score.
// EVAL_VERBOSE=1 prints every item with the bot's line beside the editor's.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DEFAULT_CONFIG } from '../src/config/repo-config.js'
import { createLinter } from '../src/lint/linter.js'
import { loadLintAssets } from '../src/lint/lint-assets.js'
import { runItem, scoreEdits, type EditScore } from '../src/evaluate/evaluate-item.js'
import { isSeed, parseReviewItems } from '../src/evaluate/review-item.js'
import { renderReport } from '../src/evaluate/report.js'
import type { ItemResult } from '../src/evaluate/tally.js'

const shared = resolve(process.argv[2] ?? '../shared')
const dataset = process.argv[3] ?? join(shared, 'reviews', 'dev.jsonl')
if (!existsSync(dataset)) {
  console.error(`eval: ${dataset} not found; usage: npm run eval -- [SHARED_DIR] [JSONL]`)
  process.exit(2)
}
let items
try {
  items = parseReviewItems(dataset, readFileSync(dataset, 'utf8'))
} catch (error) {
  console.error(`eval: ${(error as Error).message}`)
  process.exit(2)
}
const verbose = process.env.EVAL_VERBOSE === '1'
const { linter } = createLinter({ config: DEFAULT_CONFIG, assets: loadLintAssets() })

const results: ItemResult[] = []
const contextFindings = new Set<string>()
// Hand verdicts of context findings (rules/README.md), by repository, rule and flagged text.
const contextVerdicts = new Map<string, string>()
const judgedContext = new URL('../bench/context-judgments.tsv', import.meta.url)
if (existsSync(judgedContext)) {
  for (const row of readFileSync(judgedContext, 'utf8').split('\n')) {
    const [repo, , rule, match, , verdict] = row.split('\t')
    if (repo && !repo.startsWith('#') && repo !== 'repo' && verdict) contextVerdicts.set(`${repo}\t${rule}\t${match}`, verdict)
  }
}
const contextTally = new Map<string, number>()
for (const item of items) {
  const outcome = runItem(linter, { file: item.file, context: item.context, original: item.original })
  for (const f of outcome.contextFindings) {
    const key = `${item.repo}#${item.pr}:${item.file}:${f.actual}:${f.ruleId}`
    if (contextFindings.has(key)) continue
    contextFindings.add(key)
    const verdict = contextVerdicts.get(`${item.repo}\t${f.ruleId}\t${f.actual.replace(/\t/g, ' ')}`) ?? 'unjudged'
    contextTally.set(verdict, (contextTally.get(verdict) ?? 0) + 1)
  }
  const suggestion = item.suggestion
  const score = suggestion === null ? undefined : scoreEdits(item.original, suggestion, outcome.botLine)
  const byRule = new Map<string, EditScore>()
  if (suggestion !== null) for (const [rule, line] of outcome.botLineByRule) byRule.set(rule, scoreEdits(item.original, suggestion, line))
  results.push({ id: item.id, repo: item.repo, category: item.category, seed: isSeed(item), flagged: outcome.findings.length > 0, ...(score ? { score } : {}), byRule })
  if (verbose) {
    const mark = score?.exact ? 'EXACT' : score && score.matchedEdits > 0 ? 'EDIT ' : outcome.findings.length > 0 ? 'FLAG ' : '     '
    console.log(`${mark} ${item.id} [${item.category}] ${outcome.findings.map((f) => f.ruleId).join(',')}`)
    if (score && outcome.botLine !== item.original && !score.exact) console.log(`   bot:    ${outcome.botLine}\n   editor: ${suggestion}`)
  }
}

console.log(`dataset: ${dataset} (${items.length} items)`)
for (const line of renderReport(results)) console.log(line)
console.log(`findings on lines the editor left alone (context lines, deduplicated): ${contextFindings.size}`)
console.log(`  judged in bench/context-judgments.tsv: ${['TP', 'TASTE', 'FP', 'unjudged'].map((v) => `${v} ${contextTally.get(v) ?? 0}`).join(', ')}`)
