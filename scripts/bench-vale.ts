// The Vale layer in `npm run bench`: the Google style over the corpus (load and lint times),
// whether every alert posted with a suggestion passes the fix-safety checks when the fix
// is applied and the post linted again, and one post as a whole process with the style.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Finding, LineFix } from '../src/core/types.js'
import { applyFixes } from '../src/lint/apply-fixes.js'
import { lintWithVale } from '../src/lint/lint-vale.js'
import { loadValeProject } from '../src/vale/vale-project.js'
import { openEnglishDictionary } from '../src/spelling/dictionary.js'

export interface ValeBenchOptions {
  readonly root: string
  readonly shared: string
  readonly files: readonly string[]
  readonly seed: string
  readonly log: (line: string) => void
}

export function benchVale(options: ValeBenchOptions): void {
  const { log } = options
  const styles = join(options.shared, 'vale', 'styles', 'Google')
  const dir = mkdtempSync(join(tmpdir(), 'bluepencil-bench-vale-'))
  const ini = join(dir, '.vale.ini')
  writeFileSync(ini, `StylesPath = ${styles}\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = Google\n`)
  log(`\n== Vale: the Google style (${styles})`)
  const t0 = performance.now()
  const project = loadValeProject(ini, { dictionary: openEnglishDictionary() })
  project.checksFor(join(dir, 'post.md'))
  const loadMs = performance.now() - t0
  const t1 = performance.now()
  const results = options.files.map((file) => {
    const source = readFileSync(file, 'utf8')
    return { file, source, findings: lintWithVale(project, file, source) }
  })
  const lintMs = performance.now() - t1
  const alerts = results.reduce((n, r) => n + r.findings.length, 0)
  const withFix = results.flatMap((r) => r.findings.filter((f) => f.fix).map((f) => ({ ...r, finding: f })))
  log(`load the style: ${loadMs.toFixed(0)} ms (${project.checksFor(join(dir, 'post.md')).length} rules; ${project.problems.length} refused)`)
  for (const p of project.problems) log(`  refused: ${p.file}:${p.line}: ${p.message}`)
  log(`lint ${options.files.length} posts in process: ${lintMs.toFixed(0)} ms; ${alerts} alerts, ${withFix.length} with a suggestion`)
  let failed = 0
  const byLine = new Map<string, { file: string; source: string; findings: Finding[]; fix: LineFix }>()
  for (const x of withFix) byLine.set(`${x.file}:${x.finding.fix?.startLine}`, { file: x.file, source: x.source, findings: x.findings, fix: x.finding.fix as LineFix })
  for (const { file, source, findings, fix } of byLine.values()) {
    const fixed = applyFixes(source, [fix])
    const again = lintWithVale(project, file, fixed)
    const shift = fixed.split('\n').length - source.split('\n').length
    const onLines = (list: readonly Finding[], end: number) => list.filter((f) => f.span.start.line >= fix.startLine && f.span.start.line <= end)
    const before = onLines(findings, fix.endLine)
    const after = onLines(again, fix.endLine + shift)
    const count = (list: readonly Finding[]) => list.reduce((m, f) => m.set(f.ruleId, (m.get(f.ruleId) ?? 0) + 1), new Map<string, number>())
    const was = count(before)
    const fixedRules = new Set(before.filter((f) => f.fix).map((f) => f.ruleId))
    const regress = [...count(after)].filter(([rule, n]) => n > (was.get(rule) ?? 0) - (fixedRules.has(rule) ? 1 : 0))
    const secondFix = after.some((f) => f.fix && fixedRules.has(f.ruleId))
    if (regress.length > 0 || secondFix) {
      failed++
      log(`  UNSAFE ${file.split('/').at(-1)}:${fix.startLine}: ${regress.map(([r]) => r).join(', ')}${secondFix ? ' (a second fix would change it)' : ''}`)
    }
  }
  log(`fix safety: ${byLine.size - failed} of ${byLine.size} suggested lines pass (applied, re-linted: no new alert on the line, no second fix)`)
  // The CLI keeps parsed rule files between runs: the first run here starts from an empty cache.
  const env = { ...process.env, BLUEPENCIL_CACHE_DIR: mkdtempSync(join(tmpdir(), 'bluepencil-bench-cache-')) }
  const once = (args: string[]) => {
    const start = performance.now()
    spawnSync('node', args, { cwd: options.root, encoding: 'utf8', env })
    return performance.now() - start
  }
  const cold = once(['bin/bluepencil.js', 'lint', '--vale', ini, options.seed])
  const runs = Array.from({ length: 7 }, () => ({ post: once(['bin/bluepencil.js', 'lint', '--vale', ini, options.seed]), node: once(['-e', '']) }))
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0
  log(
    `one post (the seed) as a whole \`bluepencil lint --vale\` process with the Google style: median ${median(runs.map((r) => r.post)).toFixed(0)} ms (target <= 500 ms); first run, no cache yet: ${cold.toFixed(0)} ms; \`node -e ""\` alone in the same loop: median ${median(runs.map((r) => r.node)).toFixed(0)} ms`,
  )
}
