/**
 * Vale conformance: runs each Vale test scenario (the styles' features/rules.feature and
 * Vale's own vale-testdata/features/*.feature) through Bluepencil's Vale layer and
 * compares with the exact lines Vale printed: per style and per feature file, the
 * expected alerts, those reproduced exactly (line, column, rule, message), missing, extra.
 *
 *   npm run vale-conformance [-- ../shared/vale] [--verbose]
 *
 * Only Markdown is in scope: scenarios are compared on their `.md` files.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { findValeConfig } from '../src/vale/config.js'
import { lintWithVale, valeLine } from '../src/lint/lint-vale.js'
import { loadValeProject, type ValeProject } from '../src/vale/vale-project.js'

interface Scenario {
  readonly name: string
  readonly dir?: string
  /** Files to lint, relative to dir; undefined: every .md file of dir, recursively. */
  readonly files?: readonly string[]
  readonly expected: readonly string[]
  readonly runnable: boolean
}

interface Tally {
  expected: number
  exact: number
  missing: number
  extra: number
  scenarios: number
  passed: number
  notRun: number
}

const args = process.argv.slice(2)
const verbose = args.includes('--verbose')
const root = resolve(args.find((a) => !a.startsWith('--')) ?? '../shared/vale')
if (!existsSync(root)) {
  console.error(`${root}: not found (pass the folder holding styles/ and vale-testdata/)`)
  process.exit(2)
}

function parseFeature(text: string, step: (line: string) => Pick<Scenario, 'dir' | 'files' | 'runnable'>): Scenario[] {
  const out: Scenario[] = []
  const lines = text.split('\n')
  let name = ''
  let target: Pick<Scenario, 'dir' | 'files' | 'runnable'> | undefined
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim()
    if (line.startsWith('#')) continue
    if (line.startsWith('Scenario:')) {
      name = line.slice('Scenario:'.length).trim()
      target = undefined
    } else if (/^(When|And|Given)\b/.test(line) && !target) {
      if (/^When\b/.test(line)) target = step(line)
      else if (/^Given a file named/.test(line)) target = { runnable: false }
    } else if (/^Then the output should contain exactly:/.test(line) && target) {
      const expected: string[] = []
      let j = i + 1
      while (j < lines.length && (lines[j] as string).trim() !== '"""') j++
      for (j++; j < lines.length && (lines[j] as string).trim() !== '"""'; j++) expected.push((lines[j] as string).trim())
      i = j
      out.push({ name, ...target, expected })
      target = undefined
    }
  }
  return out
}

function mdFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) return name.startsWith('.') ? [] : mdFiles(full, `${prefix}${name}/`)
    return name.endsWith('.md') ? [`${prefix}${name}`] : []
  })
}

const projects = new Map<string, ValeProject>()
function projectFor(configFile: string): ValeProject {
  let p = projects.get(configFile)
  if (!p) {
    p = loadValeProject(configFile)
    projects.set(configFile, p)
  }
  return p
}

function run(scenario: Scenario, tally: Tally, label: string): void {
  const expected = scenario.expected.filter((l) => /^[^:]*\.md:/.test(l))
  if (!scenario.runnable || !scenario.dir || !existsSync(scenario.dir)) {
    tally.notRun++
    if (verbose) console.log(`  - ${label} / ${scenario.name}: not run (needs a Vale feature outside this comparison)`)
    return
  }
  if (!findValeConfig(scenario.dir)) {
    // Some fixture folders were copied without their .vale.ini: nothing to compare against.
    tally.notRun++
    if (verbose) console.log(`  - ${label} / ${scenario.name}: not run (no .vale.ini in the fixture)`)
    return
  }
  const files = (scenario.files ?? mdFiles(scenario.dir)).filter((f) => f.endsWith('.md'))
  if (files.length === 0 && expected.length === 0) {
    tally.notRun++
    return
  }
  const got: string[] = []
  const problems: string[] = []
  for (const file of files) {
    const full = join(scenario.dir, file)
    const configFile = findValeConfig(scenario.dir)
    if (!configFile) {
      problems.push('no .vale.ini')
      continue
    }
    let project: ValeProject
    try {
      project = projectFor(configFile)
    } catch (error) {
      problems.push((error as Error).message)
      continue
    }
    problems.push(...project.problems.map((p) => `${p.file}:${p.line}: ${p.message}`))
    const source = readFileSync(full, 'utf8')
    for (const f of lintWithVale(project, full, source)) got.push(valeLine(f, source, file))
  }
  const want = new Map<string, number>()
  for (const l of expected) want.set(l, (want.get(l) ?? 0) + 1)
  let exact = 0
  const extra: string[] = []
  for (const l of got) {
    const n = want.get(l) ?? 0
    if (n > 0) {
      exact++
      want.set(l, n - 1)
    } else extra.push(l)
  }
  const missing = [...want].flatMap(([l, n]) => Array.from({ length: n }, () => l))
  tally.scenarios++
  tally.expected += expected.length
  tally.exact += exact
  tally.missing += missing.length
  tally.extra += extra.length
  const pass = missing.length === 0 && extra.length === 0
  if (pass) tally.passed++
  if (verbose || !pass) {
    console.log(`  ${pass ? 'ok' : 'FAIL'} ${label} / ${scenario.name}: ${exact}/${expected.length} exact, ${missing.length} missing, ${extra.length} extra`)
    if (!pass) {
      for (const l of missing) console.log(`      missing ${l}`)
      for (const l of extra) console.log(`      extra   ${l}`)
      for (const p of new Set(problems)) console.log(`      note    ${p}`)
    }
  }
}

function newTally(): Tally {
  return { expected: 0, exact: 0, missing: 0, extra: 0, scenarios: 0, passed: 0, notRun: 0 }
}

const rows: [string, Tally][] = []
const stylesDir = join(root, 'styles')
if (existsSync(stylesDir)) {
  for (const style of readdirSync(stylesDir).sort()) {
    const feature = join(stylesDir, style, 'features', 'rules.feature')
    if (!existsSync(feature)) continue
    const tally = newTally()
    const scenarios = parseFeature(readFileSync(feature, 'utf8'), (line) => {
      const m = /^When I test "(.*)"$/.exec(line)
      return m ? { dir: join(stylesDir, style, 'fixtures', m[1] as string), runnable: true } : { runnable: false }
    })
    for (const s of scenarios) run(s, tally, style)
    rows.push([`style ${style}`, tally])
  }
}

const testdata = join(root, 'vale-testdata')
const featuresDir = join(testdata, 'features')
if (existsSync(featuresDir)) {
  const fixtures = join(testdata, 'fixtures')
  const steps: [RegExp, (m: RegExpExecArray) => Pick<Scenario, 'dir' | 'files'>][] = [
    [/^When I test "(.*)"$/, (m) => ({ dir: join(fixtures, m[1] as string) })],
    [/^When I test scope "(.*)"$/, (m) => ({ dir: join(fixtures, 'scopes', m[1] as string) })],
    [/^When I test comments for "(.*)"$/, (m) => ({ dir: join(fixtures, 'comments'), files: [m[1] as string] })],
    [/^When I test patterns for "(.*)"$/, (m) => ({ dir: join(fixtures, 'patterns'), files: [m[1] as string] })],
    [/^When I lint "(.*)"$/, (m) => ({ dir: join(fixtures, 'formats'), files: [m[1] as string] })],
    [/^When I use Vocab "(.*)"$/, (m) => ({ dir: join(fixtures, 'vocab', m[1] as string) })],
    [/^When I test template "(.*)"$/, (m) => ({ dir: join(fixtures, 'templates', m[1] as string) })],
    [/^When I apply style "(.*)"$/, (m) => ({ dir: join(fixtures, 'styles', m[1] as string) })],
  ]
  for (const name of readdirSync(featuresDir).sort()) {
    const tally = newTally()
    const scenarios = parseFeature(readFileSync(join(featuresDir, name), 'utf8'), (line) => {
      for (const [re, make] of steps) {
        const m = re.exec(line)
        if (m) return { ...make(m), runnable: true }
      }
      return { runnable: false }
    })
    for (const s of scenarios) run(s, tally, name)
    rows.push([`vale-testdata ${name}`, tally])
  }
}

console.log('')
console.log('suite                                   scenarios  passed  not-run  expected  exact  missing  extra  exact%')
for (const [label, t] of rows) {
  const pct = t.expected === 0 ? '-' : `${((100 * t.exact) / t.expected).toFixed(1)}%`
  console.log(
    `${label.padEnd(40)}${String(t.scenarios).padStart(9)}${String(t.passed).padStart(8)}${String(t.notRun).padStart(9)}${String(t.expected).padStart(10)}${String(t.exact).padStart(7)}${String(t.missing).padStart(9)}${String(t.extra).padStart(7)}${pct.padStart(8)}`,
  )
}
const td = rows.filter(([l]) => l.startsWith('vale-testdata'))
const md = td.reduce((a, [, t]) => ({ s: a.s + t.scenarios, p: a.p + t.passed }), { s: 0, p: 0 })
if (md.s > 0) console.log(`\nvale-testdata Markdown scenarios: ${md.p}/${md.s} passed (${((100 * md.p) / md.s).toFixed(1)}%)`)
