// `npm run bench [-- SHARED_DIR]`: speed, memory and noise of the engine on ../shared/corpus.
// Absolute times on shared machines are noisy; compare the ratios printed in one run.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DEFAULT_CONFIG } from '../src/config/repo-config.js'
import type { Finding, Severity } from '../src/core/types.js'
import { createLinter } from '../src/lint/linter.js'
import { parseMarkdown } from '../src/markdown/parse.js'
import { collectProse } from '../src/markdown/prose-ranges.js'
import { words } from '../src/checks/text-tools.js'
import { benchApp } from './bench-app.js'

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

/** Wall time and peak RSS (KB) of a child process, via GNU time. */
function timed(args: string[]): { ms: number; rssKb: number; stdout: string } {
  const start = performance.now()
  const r = spawnSync('/usr/bin/time', ['-f', '%M', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })
  const ms = performance.now() - start
  const rssKb = Number(r.stderr.trim().split('\n').at(-1))
  return { ms, rssKb, stdout: r.stdout }
}

// 1. Noise: findings per 1,000 words, in process, single-threaded, with per-post times.
const { linter } = createLinter({ config: DEFAULT_CONFIG })
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

// 2. Speed: the CLI over the whole corpus vs remark-parse alone (same plugins), both as fresh processes.
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' })
const parseOnly = `import { readFileSync } from 'node:fs'; import { parseMarkdown } from './dist/src/markdown/parse.js'; for (const f of ${JSON.stringify(files)}) parseMarkdown(readFileSync(f, 'utf8'))`
const runs = 3
const floor = Array.from({ length: runs }, () => timed(['node', '--input-type=module', '-e', parseOnly]))
const cli = Array.from({ length: runs }, () => timed(['node', 'bin/bluepencil.js', 'lint', '--format', 'json', corpusDir]))
const floorMs = median(floor.map((r) => r.ms))
const cliMs = median(cli.map((r) => r.ms))
console.log(`\n== Speed (median of ${runs} runs, whole processes)`)
console.log(`remark-parse only, one thread:     ${fmt(floorMs, 0)} ms, peak RSS ${fmt(median(floor.map((r) => r.rssKb)) / 1024)} MB`)
console.log(`bluepencil lint (worker threads):  ${fmt(cliMs, 0)} ms, peak RSS ${fmt(median(cli.map((r) => r.rssKb)) / 1024)} MB`)
console.log(`ratio CLI / remark-parse floor:    ${fmt(cliMs / floorMs, 2)}x (target <= 1.2x; peak RSS target < 150 MB)`)
const seedRuns = Array.from({ length: 5 }, () => timed(['node', 'bin/bluepencil.js', 'lint', seed]))
console.log(`one post (the seed) as a whole \`bluepencil lint\` process: median ${fmt(median(seedRuns.map((r) => r.ms)), 0)} ms (target < 400 ms), peak RSS ${fmt(median(seedRuns.map((r) => r.rssKb)) / 1024)} MB`)

// 3. The app: processing time per webhook against the local GitHub stand-in.
await benchApp({ root, log: console.log })
