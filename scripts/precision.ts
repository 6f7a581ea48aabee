// `npm run precision [-- SHARED_DIR] [--judgments FILE] [--list RULE|all] [--per-site N]`:
// lints the three corpora of SHARED_DIR/corpus with the default config and prints, per rule,
// findings per 1,000 words per site and precision from the hand judgments in bench/judgments.tsv.
// `--list` prints unjudged findings with their context and a judgments.tsv line to complete.
// `--learn` also runs `bluepencil learn` on each corpus and prints findings per 1,000 words
// before and after its house style, and the judged true positives the house style loses.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_CONFIG } from '../src/config/repo-config.js'
import type { Severity } from '../src/core/types.js'
import { createLinter } from '../src/lint/linter.js'
import { loadLintAssets } from '../src/lint/lint-assets.js'
import { parseMarkdown } from '../src/markdown/parse.js'
import { collectProse } from '../src/markdown/prose-ranges.js'
import { words } from '../src/rules/match/text-tools.js'
import { findingKey, formatJudgment, matchJudgments, parseJudgments } from '../src/precision/judgments.js'
import { learnHouseStyle } from '../src/house/learn-house-style.js'
import { compareCodeUnits } from '../src/core/compare.js'
import {
  buildTable,
  density,
  ERROR_WARNING_PRECISION_BAR,
  judgingShortfall,
  MIN_JUDGED,
  RULE_PRECISION_BAR,
  summarize,
  SUGGESTION_DENSITY_BAR,
  SUGGESTION_PRECISION_BAR,
  WARNING_DENSITY_BAR,
  type RuleRow,
  type SiteFinding,
} from '../src/precision/precision-table.js'

const SITES = ['flink-web', 'opentelemetry-blog', 'linkerd-blog'] as const
const root = resolve(import.meta.dirname, '..')
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    judgments: { type: 'string', default: join(root, 'bench', 'judgments.tsv') },
    list: { type: 'string' },
    'per-site': { type: 'string', default: '7' },
    learn: { type: 'boolean', default: false },
  },
})
const shared = resolve(positionals[0] ?? '../shared')
const judgmentsFile = resolve(values.judgments)
for (const site of SITES) {
  if (!existsSync(join(shared, 'corpus', site))) {
    console.error(`precision: ${join(shared, 'corpus', site)} not found; pass the shared folder as the first argument`)
    process.exit(2)
  }
}

const parsed = existsSync(judgmentsFile) ? parseJudgments(readFileSync(judgmentsFile, 'utf8')) : { judgments: [], errors: [] }
for (const e of parsed.errors) console.error(`${relative(process.cwd(), judgmentsFile)}:${e.line}: ${e.message}`)
if (parsed.errors.length > 0) process.exit(2)
const judgments = parsed.judgments

const assets = loadLintAssets()
const { linter } = createLinter({ config: DEFAULT_CONFIG, assets })
const sourcesBySite: Record<string, { file: string; source: string }[]> = {}
const findings: SiteFinding[] = []
const detail = new Map<SiteFinding, { message: string; expected: string; context: string; column: number }>()
const wordsBySite: Record<string, number> = {}
const postsBySite: Record<string, number> = {}
for (const site of SITES) {
  const dir = join(shared, 'corpus', site)
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.(md|markdown|mdx)$/.test(f)).sort()
  postsBySite[site] = files.length
  wordsBySite[site] = 0
  for (const file of files) {
    const source = readFileSync(join(dir, file), 'utf8')
    if (values.learn) (sourcesBySite[site] ??= []).push({ file, source })
    wordsBySite[site] += collectProse(parseMarkdown(source), source).reduce((n, r) => n + words(r.text).length, 0)
    const result = linter.lint(file, source)
    if (result.kind !== 'linted') {
      console.error(`precision: ${site}/${file} skipped: ${result.skipped.reason}`)
      continue
    }
    const lines = values.list ? source.split('\n') : []
    for (const f of result.findings) {
      const ref: SiteFinding = { site, file, line: f.span.start.line, rule: f.ruleId, key: findingKey(f.actual), severity: f.severity }
      findings.push(ref)
      if (values.list) detail.set(ref, { message: f.message, expected: f.expected[0] ?? '', context: lines[f.span.start.line - 1] ?? '', column: f.span.start.column })
    }
  }
}

const rules = linter.rules.map((r) => ({ id: r.id, severity: r.severity }))
const table = buildTable({ sites: SITES, words: wordsBySite, rules, findings, judgments })

const pct = (p: number | undefined): string => (p === undefined ? '   -  ' : `${(p * 100).toFixed(1).padStart(5)}%`)
const f2 = (n: number): string => n.toFixed(2)
const short: Record<string, string> = { 'flink-web': 'flink', 'opentelemetry-blog': 'otel', 'linkerd-blog': 'linkerd' }
const total = (r: RuleRow): number => Object.values(r.found).reduce((a, b) => a + b, 0)

console.log(`\n== Precision on published posts (${parsed.judgments.length} judgments in ${relative(root, judgmentsFile)})`)
console.log('Precision = TP / (TP + FP + TASTE) over judged findings the rule reports now.')
for (const site of SITES) console.log(`  ${site.padEnd(20)} ${String(postsBySite[site]).padStart(4)} posts ${String(wordsBySite[site]).padStart(8)} words`)
console.log(`\n${'rule'.padEnd(24)}${'level'.padEnd(11)}${SITES.map((s) => `${short[s]} n (/1k)`.padStart(17)).join('')}   judged TP/FP/TASTE  precision  notes`)
const order: Severity[] = ['error', 'warning', 'suggestion']
const rows = [...table.rows].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity) || total(b) - total(a) || compareCodeUnits(a.rule, b.rule))
for (const r of rows) {
  const perSite = SITES.map((s) => `${r.found[s]} (${f2(((r.found[s] ?? 0) * 1000) / (wordsBySite[s] || 1))})`.padStart(17)).join('')
  const judged = r.judged.TP + r.judged.FP + r.judged.TASTE
  const notes: string[] = []
  if (r.precision !== undefined && r.precision < RULE_PRECISION_BAR) notes.push(`UNDER ${RULE_PRECISION_BAR * 100}%`)
  const short = judgingShortfall(r)
  if (short > 0) notes.push(`judge ${short} more`)
  if (r.regressions.length > 0) notes.push(`${r.regressions.length} FP reported`)
  if (r.lostTruePositives.length > 0) notes.push(`${r.lostTruePositives.length} TP lost`)
  if (r.resolved.length > 0) notes.push(`${r.resolved.length} FP/TASTE gone`)
  const spread = SITES.map((s) => r.judgedBySite[s] ?? 0).join('/')
  console.log(`${r.rule.padEnd(24)}${r.severity.padEnd(11)}${perSite}   ${`${judged} [${spread}] ${r.judged.TP}/${r.judged.FP}/${r.judged.TASTE}`.padEnd(19)} ${pct(r.precision)}   ${notes.join('; ')}`)
}

console.log('\n== Overall (judged findings reported now; weighted = each rule by how often it fires)')
const groups: [string, Severity[], number][] = [
  ['error + warning', ['error', 'warning'], ERROR_WARNING_PRECISION_BAR],
  ['suggestion', ['suggestion'], SUGGESTION_PRECISION_BAR],
]
for (const [name, levels, bar] of groups) {
  const s = summarize(table.rows.filter((r) => levels.includes(r.severity)))
  const ok = s.precision !== undefined && s.precision >= bar && (s.weighted ?? 0) >= bar
  console.log(`  ${name.padEnd(16)} precision ${pct(s.precision)} (TP ${s.counts.TP}, FP ${s.counts.FP}, TASTE ${s.counts.TASTE}), weighted ${pct(s.weighted)}  bar ${bar * 100}%: ${ok ? 'met' : 'NOT met'}`)
}
const under = table.rows.filter((r) => r.precision !== undefined && r.precision < RULE_PRECISION_BAR)
console.log(`  default-on rules under ${RULE_PRECISION_BAR * 100}%: ${under.length === 0 ? 'none' : under.map((r) => `${r.rule} ${pct(r.precision).trim()}`).join(', ')}`)
const needJudging = table.rows.filter((r) => judgingShortfall(r) > 0)
console.log(`  rules with fewer than ${MIN_JUDGED} judged findings (or not all, if fewer fire): ${needJudging.length === 0 ? 'none' : needJudging.map((r) => `${r.rule} (${judgingShortfall(r)})`).join(', ')}`)
if (table.offRuleJudgments > 0) console.log(`  ${table.offRuleJudgments} judgments belong to rules that are off by default or to findings of rules no longer loaded`)

const rejudged = table.superseded.filter((x) => x.earlier.verdict !== x.later.verdict)
if (table.superseded.length > 0) console.log(`  ${table.superseded.length} judgments superseded by a later judgment of the same finding${rejudged.length > 0 ? `; re-judged: ${rejudged.map((x) => `line ${x.earlier.sourceLine} ${x.earlier.verdict} -> line ${x.later.sourceLine} ${x.later.verdict}`).join(', ')}` : ''}`)

console.log('\n== Findings per 1,000 words')
for (const site of SITES) {
  const w = density(table, site, ['error', 'warning'])
  const s = density(table, site, ['suggestion'])
  const flag = (v: number, bar: number): string => (v <= bar ? 'ok' : `OVER ${bar}`)
  console.log(`  ${site.padEnd(20)} warning+ ${f2(w.per1k)} (${w.count}) ${flag(w.per1k, WARNING_DENSITY_BAR)}   suggestion ${f2(s.per1k)} (${s.count}) ${flag(s.per1k, SUGGESTION_DENSITY_BAR)}`)
}

const regressions = table.rows.flatMap((r) => r.regressions)
console.log(`\n== REGRESSIONS: findings judged FP that are reported (${regressions.length})`)
for (const { finding: f, judgment: j } of regressions) console.log(`  ${f.site}/${f.file}:${f.line} ${f.rule}  (judged at ${relative(root, judgmentsFile)}:${j.sourceLine}: ${j.reason})`)
const lost = table.rows.flatMap((r) => r.lostTruePositives)
console.log(`\n== Judged TP no longer reported (${lost.length})`)
for (const j of lost) console.log(`  ${j.site}/${j.file}:${j.line} ${j.rule}  (${relative(root, judgmentsFile)}:${j.sourceLine}: ${j.reason})`)

if (values.list) {
  const wanted = values.list === 'all' ? null : new Set(values.list.split(','))
  const perSite = Number(values['per-site'])
  console.log(`\n== Unjudged findings (up to ${perSite} per site and rule, spread over the posts)`)
  for (const r of rows.filter((x) => !wanted || wanted.has(x.rule))) {
    for (const site of SITES) {
      const list = r.unjudged.filter((f) => f.site === site)
      if (list.length === 0) continue
      const step = Math.max(1, list.length / perSite)
      for (let i = 0; i < list.length && i / step < perSite; i += step) {
        const f = list[Math.floor(i)] as SiteFinding
        const d = detail.get(f)
        const ctx = d ? d.context.slice(Math.max(0, d.column - 120), d.column + 160) : ''
        console.log(`\n# ${site}/${f.file}:${f.line} ${r.rule} -> ${d?.expected ? JSON.stringify(d.expected) : '(message only)'}: ${d?.message ?? ''}\n#   ${ctx}`)
        console.log(formatJudgment(f, '?', ''))
      }
    }
  }
} else {
  const open = rows.filter((r) => r.unjudged.length > 0)
  console.log(`\n== Unjudged findings per rule (npm run precision -- --list RULE prints them with context)`)
  console.log(`  ${open.map((r) => `${r.rule} ${r.unjudged.length}`).join(', ')}`)
}

if (values.learn) {
  console.log('\n== bluepencil learn: findings per 1,000 words before and after the house style of each corpus')
  const tps = judgments.filter((j) => j.verdict === 'TP')
  for (const site of SITES) {
    const posts = sourcesBySite[site] ?? []
    const house = learnHouseStyle(posts.map((p) => ({ path: p.file, source: p.source })), assets.dictionary)
    const learned = createLinter({ config: { ...DEFAULT_CONFIG, house }, assets }).linter
    const after: SiteFinding[] = []
    for (const { file, source } of posts) {
      const result = learned.lint(file, source)
      if (result.kind !== 'linted') continue
      for (const f of result.findings) after.push({ site, file, line: f.span.start.line, rule: f.ruleId, key: findingKey(f.actual), severity: f.severity })
    }
    const before = findings.filter((f) => f.site === site)
    const per1k = (list: readonly SiteFinding[], levels: readonly Severity[]): string => f2((list.filter((f) => levels.includes(f.severity)).length * 1000) / (wordsBySite[site] || 1))
    // A judged TP found before and not after is one the house style loses.
    const siteTps = tps.filter((j) => j.site === site)
    const tpBefore = new Set(matchJudgments(before, siteTps).byFinding.filter((j) => j !== undefined))
    const tpAfter = new Set(matchJudgments(after, siteTps).byFinding.filter((j) => j !== undefined))
    const lostTps = [...tpBefore].filter((j) => !tpAfter.has(j))
    const settings = [house.headingCase ? `headingCase ${house.headingCase}` : '', house.headings ? `${house.headings.length} section headings` : '', house.listItemPunctuation ? `listItemPunctuation ${house.listItemPunctuation}` : '', house.frontMatter ? `frontMatter [${house.frontMatter.required.join(', ')}]` : '', `${house.terms?.length ?? 0} terms`, `${house.vocabulary?.length ?? 0} vocabulary words`].filter((x) => x !== '')
    console.log(`  ${site.padEnd(20)} warning+ ${per1k(before, ['error', 'warning'])} -> ${per1k(after, ['error', 'warning'])}   suggestion ${per1k(before, ['suggestion'])} -> ${per1k(after, ['suggestion'])}   all ${before.length} -> ${after.length}   judged TP lost: ${lostTps.length}   (${settings.join('; ')})`)
    for (const j of lostTps) console.log(`    lost: ${j.site}/${j.file}:${j.line} ${j.rule} (${j.reason})`)
    const count = (list: readonly SiteFinding[]): Map<string, number> => list.reduce((m, f) => m.set(f.rule, (m.get(f.rule) ?? 0) + 1), new Map<string, number>())
    const [was, now] = [count(before), count(after)]
    const changed = [...new Set([...was.keys(), ...now.keys()])].filter((r) => was.get(r) !== now.get(r)).sort(compareCodeUnits)
    console.log(`    changed: ${changed.length === 0 ? 'none' : changed.map((r) => `${r} ${was.get(r) ?? 0} -> ${now.get(r) ?? 0}`).join(', ')}`)
  }
}
