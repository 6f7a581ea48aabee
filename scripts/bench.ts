// `npm run bench [-- SHARED_DIR]`: speed, memory and noise of the engine on ../shared/corpus.
// Absolute times on shared machines are noisy; compare the ratios printed in one run.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DEFAULT_CONFIG } from '../src/config/repo-config.js'
import type { Finding, Severity } from '../src/core/types.js'
import { createLinter } from '../src/lint/linter.js'
import { loadLintAssets } from '../src/lint/lint-assets.js'
import { parseMarkdown } from '../src/markdown/parse.js'
import { collectProse } from '../src/markdown/prose-ranges.js'
import { words } from '../src/rules/match/text-tools.js'
import { benchApp } from './bench-app.js'
import { benchHostile } from './bench-hostile.js'
import { benchLoad } from './bench-load.js'
import { benchVale } from './bench-vale.js'
import { measureFixSafety } from './fix-safety-bench.js'

const shared = resolve(process.argv[2] ?? '../shared')
const corpusDir = join(shared, 'corpus', 'flink-web')
if (!existsSync(corpusDir)) {
  console.error(`bench: ${corpusDir} not found; pass the shared folder as the first argument`)
  process.exit(2)
}
const root = resolve(import.meta.dirname, '..')
const seed = join(root, 'fixtures/posts/beam-flink-part2.md')
const files = readdirSync(corpusDir).filter((f) => f.endsWith('.md')).sort().map((f) => join(corpusDir, f))

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
const fmt = (n: number, d = 1): string => n.toFixed(d)

/** Wall time, CPU time (user + system, all threads) and peak RSS (KB) of a child process, via GNU time. */
function timed(args: string[]): { ms: number; cpuMs: number; rssKb: number } {
  const start = performance.now()
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })
  const ms = performance.now() - start
  const [rssKb = 0, user = 0, system = 0] = (r.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number)
  return { ms, cpuMs: (user + system) * 1000, rssKb }
}

// 1. Noise: findings per 1,000 words, in process, single-threaded, with per-post times.
const { linter } = createLinter({ config: DEFAULT_CONFIG, assets: loadLintAssets() })
let wordCount = 0
const perPost: number[] = []
const findings: Finding[] = []
for (const file of files) {
  const source = readFileSync(file, 'utf8')
  wordCount += collectProse(parseMarkdown(source), source).reduce((n, r) => n + words(r.text).length, 0)
  const t = performance.now()
  const result = linter.lint(file, source)
  perPost.push(performance.now() - t)
  if (result.kind === 'linted') findings.push(...result.findings)
}
const per1k = (n: number): number => (n * 1000) / wordCount
const bySeverity = (s: Severity) => findings.filter((f) => f.severity === s).length
console.log(`\n== Corpus: ${files.length} posts, ${wordCount} words of prose`)
console.log(`findings: ${findings.length} (${fmt(per1k(findings.length), 2)} per 1,000 words)`)
for (const s of ['error', 'warning', 'suggestion'] as const) console.log(`  ${s.padEnd(10)} ${String(bySeverity(s)).padStart(5)}  ${fmt(per1k(bySeverity(s)), 2)} per 1,000 words`)
console.log(`  warning and above: ${fmt(per1k(bySeverity('error') + bySeverity('warning')), 2)} per 1,000 words`)
const byRule = new Map<string, Finding[]>()
for (const f of findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f])
console.log('top rules (count, per 1,000 words, level, a sample):')
for (const [rule, list] of [...byRule].sort((a, b) => b[1].length - a[1].length)) {
  const sample = list[Math.floor(list.length / 2)] as Finding
  console.log(`  ${rule.padEnd(22)} ${String(list.length).padStart(5)}  ${fmt(per1k(list.length), 2).padStart(5)}  ${sample.severity.padEnd(10)} "${sample.actual.slice(0, 50).replace(/\s+/g, ' ')}" (${sample.path.split('/').at(-1)}:${sample.span.start.line})`)
}
console.log(`in-process lint, one thread: total ${fmt(perPost.reduce((a, b) => a + b, 0), 0)} ms, median ${fmt(median(perPost), 2)} ms per post`)

// 1b. Fix safety on every post of every corpus: a second `fix` changes nothing, and no
// rule reports a finding on a fixed line that it did not report there before.
const corpora = readdirSync(join(shared, 'corpus'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
const corpusPosts = corpora.flatMap((site) =>
  readdirSync(join(shared, 'corpus', site)).filter((f) => f.endsWith('.md')).sort().map((f) => ({ path: `${site}/${f}`, source: readFileSync(join(shared, 'corpus', site, f), 'utf8') })),
)
const lintText = (path: string, source: string): Finding[] => {
  const result = linter.lint(path, source)
  return result.kind === 'linted' ? result.findings : []
}
const safety = measureFixSafety(corpusPosts, lintText)
console.log(`\n== Fix safety: ${safety.posts} posts of ${corpora.join(', ')}; \`fix\` changes ${safety.changedByFirstFix}`)
console.log(`posts a second \`fix\` changes: ${safety.changedBySecondFix.length} (must be 0)${safety.changedBySecondFix.length ? `: ${safety.changedBySecondFix.slice(0, 5).join(', ')}` : ''}`)
console.log(`new findings on fixed lines: ${safety.newFindingsOnFixedLines.length} (must be 0)`)
for (const f of safety.newFindingsOnFixedLines.slice(0, 10)) console.log(`  ${f.path}:${f.span.start.line} ${f.ruleId} "${f.actual.slice(0, 50).replace(/\s+/g, ' ')}"`)

// 2. Speed: the CLI over the whole corpus vs remark alone (remark-parse with the same
// plugins, not our code), as fresh processes. The machines are noisy (the same command
// varies by 50% from minute to minute), so the two run in interleaved pairs and the
// ratio is the median of the pairs' ratios.
execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' })
const parseOnly = [
  "import { readFileSync } from 'node:fs'",
  "import { unified } from 'unified'",
  "import remarkParse from 'remark-parse'",
  "import remarkFrontmatter from 'remark-frontmatter'",
  "import remarkGfm from 'remark-gfm'",
  "const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm)",
  `for (const f of ${JSON.stringify(files)}) processor.parse(readFileSync(f, 'utf8'))`,
].join('\n')
const pairs = Array.from({ length: 5 }, () => ({
  floor: timed(['node', '--input-type=module', '-e', parseOnly]),
  cli: timed(['node', 'bin/bluepencil.js', 'lint', '--format', 'json', corpusDir]),
}))
const mb = (kb: number): string => fmt(kb / 1024)
const summary = (runs: { ms: number; cpuMs: number; rssKb: number }[]): string =>
  `wall median ${fmt(median(runs.map((r) => r.ms)), 0)} ms, CPU median ${fmt(median(runs.map((r) => r.cpuMs)), 0)} ms, peak RSS median ${mb(median(runs.map((r) => r.rssKb)))} MB (max ${mb(Math.max(...runs.map((r) => r.rssKb)))})`
console.log(`\n== Speed (${pairs.length} interleaved pairs of whole processes)`)
console.log(`remark-parse only, one thread: ${summary(pairs.map((p) => p.floor))}`)
console.log(`bluepencil lint (default jobs): ${summary(pairs.map((p) => p.cli))}`)
console.log(`ratio CLI / remark floor: wall ${fmt(median(pairs.map((p) => p.cli.ms / p.floor.ms)), 2)}x, CPU ${fmt(median(pairs.map((p) => p.cli.cpuMs / p.floor.cpuMs)), 2)}x (per-pair ratios ${pairs.map((p) => fmt(p.cli.ms / p.floor.ms, 2)).join(' ')}; target <= 1.3x, peak RSS < 150 MB)`)
const seedRuns = Array.from({ length: 9 }, () => ({ node: timed(['node', '-e', '']), seed: timed(['node', 'bin/bluepencil.js', 'lint', seed]) }))
console.log(`one post (the seed) as a whole \`bluepencil lint\` process: median ${fmt(median(seedRuns.map((r) => r.seed.ms)), 0)} ms (target < 400 ms), peak RSS ${mb(median(seedRuns.map((r) => r.seed.rssKb)))} MB; \`node -e ""\` alone in the same loop: median ${fmt(median(seedRuns.map((r) => r.node.ms)), 0)} ms`)

// 3. The Vale layer with the Google style: load, lint, fix safety, one post as a process.
const allPosts = ['flink-web', 'linkerd-blog', 'opentelemetry-blog'].flatMap((c) => {
  const dir = join(shared, 'corpus', c)
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => join(dir, f)) : []
})
if (existsSync(join(shared, 'vale', 'styles', 'Google'))) benchVale({ root, shared, files: allPosts, seed, log: console.log })

// 4. The app: processing time per webhook against the local GitHub stand-in.
await benchApp({ root, log: console.log })

// 4b. Hostile input in the app and the CLI.
await benchHostile({ root, log: console.log })

// 5. The app under load and faults, on a real Redis (`npm run bench:load` runs this part alone).
await benchLoad({ root, log: console.log, faults: false })
await benchLoad({ root, log: console.log, faults: true })
