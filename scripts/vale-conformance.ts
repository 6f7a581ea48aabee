/**
 * Vale conformance: runs each Vale test scenario (the styles' features/rules.feature and
 * Vale's own vale-testdata/features/*.feature) through Bluepencil's Vale layer and
 * compares with the exact lines Vale printed: per style and per feature file, the
 * expected alerts, those reproduced exactly (line, column, rule, message), missing, extra.
 *
 *   npm run vale-conformance [-- ../shared | ../shared/vale] [--verbose]
 *
 * Only Markdown is in scope: scenarios are compared on their `.md` files.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import { findValeConfig } from '../src/vale/config.js'
import { lintWithVale, valeLine } from '../src/lint/lint-vale.js'
import { diskFiles, type ValeFiles } from '../src/vale/vale-files.js'
import { loadValeProject, type ValeProject } from '../src/vale/vale-project.js'
import { openEnglishDictionary } from '../src/spelling/dictionary.js'
import { explain } from './vale-evidence.js'
import { conformanceRoot } from './vale-conformance-root.js'

interface Scenario {
  readonly name: string
  readonly dir?: string
  /** Files to lint, relative to dir; undefined: every .md file of dir, recursively. */
  readonly files?: readonly string[]
  /** Files the scenario writes before running (Cucumber's `Given a file named`), relative to dir. */
  readonly given?: Readonly<Record<string, string>>
  readonly expected: readonly string[]
  readonly runnable: boolean
  /** Vale's step says "should contain", not "contain exactly": alerts beyond the expected ones are not counted. */
  readonly subset?: boolean
  /** Why a scenario is not a lint of Markdown that Bluepencil can be compared on. */
  readonly reason?: string
}

type Target = Pick<Scenario, 'dir' | 'files' | 'runnable' | 'reason'>

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
const located = conformanceRoot(args.find((a) => !a.startsWith('--')))
if ('error' in located) {
  console.error(`vale-conformance: ${located.error}`)
  process.exit(2)
}
const root = located.root

/** A docstring's lines with the indentation of its opening quotes removed, as Cucumber reads it. */
function docString(lines: readonly string[], open: number): { text: string; end: number } {
  const indent = (lines[open] as string).indexOf('"""')
  const body: string[] = []
  let j = open + 1
  for (; j < lines.length && (lines[j] as string).trim() !== '"""'; j++) body.push((lines[j] as string).slice(Math.min(indent, (lines[j] as string).search(/\S|$/))))
  return { text: body.join('\n'), end: j }
}

function parseFeature(text: string, step: (line: string) => Target): Scenario[] {
  const out: Scenario[] = []
  const lines = text.split('\n')
  let name = ''
  let target: Target | undefined
  const background: Record<string, string> = {}
  let given: Record<string, string> = {}
  let inBackground = false
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim()
    if (line.startsWith('#')) continue
    if (line.startsWith('Background:')) {
      inBackground = true
    } else if (line.startsWith('Scenario:')) {
      name = line.slice('Scenario:'.length).trim()
      target = undefined
      inBackground = false
      given = { ...background }
    } else if (/^(Given|And) a file named "(.*)" with:$/.test(line) && !target) {
      const file = (/"(.*)"/.exec(line) as RegExpExecArray)[1] as string
      const doc = docString(lines, i + 1)
      if (inBackground) background[file] = `${doc.text}\n`
      else given[file] = `${doc.text}\n`
      i = doc.end
    } else if (/^When\b/.test(line) && !target) {
      target = step(line)
    } else if (/^Then the output should contain:/.test(line) && target) {
      const doc = docString(lines, i + 1)
      i = doc.end
      const expected = doc.text.split('\n').map((l) => l.trim()).filter(Boolean)
      // "contain", not "contain exactly": the alerts listed must be there; others may be too.
      if (expected.length > 0 && expected.every((l) => /^[^:\s]+:\d+:\d+:[^:\s]+:/.test(l))) out.push({ name, ...target, ...(Object.keys(given).length > 0 ? { given } : {}), expected, subset: true })
      else out.push({ name, ...target, expected: [], runnable: false, reason: 'expects an error message from Vale, not alerts' })
      target = undefined
    } else if (/^Then the output should contain exactly:/.test(line) && target) {
      const doc = docString(lines, i + 1)
      i = doc.end
      const expected = doc.text.split('\n').map((l) => l.trim()).filter(Boolean)
      out.push({ name, ...target, ...(Object.keys(given).length > 0 ? { given } : {}), expected })
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

/** The disk, with the files a scenario writes laid over it (nothing is written to the shared folder). */
function overlay(dir: string, given: Readonly<Record<string, string>> | undefined): ValeFiles {
  if (!given) return diskFiles
  const extra = new Map(Object.entries(given).map(([name, text]) => [join(dir, name), text]))
  return {
    read: (path) => extra.get(path) ?? diskFiles.read(path),
    list: (path) => {
      const names = new Set(diskFiles.list(path) ?? [])
      for (const file of extra.keys()) if (dirname(file) === path) names.add(basename(file))
      return names.size > 0 || existsSync(path) ? [...names] : undefined
    },
  }
}

// The conformance run is an entry point: it opens the dictionary once for every project it loads.
const dictionary = openEnglishDictionary()
const projects = new Map<string, ValeProject>()
function projectFor(configFile: string, files: ValeFiles, key: string): ValeProject {
  let p = projects.get(key)
  if (!p) {
    p = loadValeProject(configFile, { files, dictionary })
    projects.set(key, p)
  }
  return p
}

/** Scenarios left out of the comparison, by reason, for the summary. */
const excluded = new Map<string, string[]>()
const formatsLeftOut: string[] = []
/** Failing scenarios whose every difference the style's own rule files explain (a stale feature file). */
const stale: string[] = []

/** `ownStyle`: the scenario is a style's own test of itself (its feature file may lag its rule files). */
function run(scenario: Scenario, tally: Tally, label: string, ownStyle = false): void {
  const expected = scenario.expected.filter((l) => /^[^:]*\.md:/.test(l))
  const notRun = (reason: string) => {
    tally.notRun++
    excluded.set(reason, [...(excluded.get(reason) ?? []), `${label} / ${scenario.name}`])
    if (verbose) console.log(`  - ${label} / ${scenario.name}: not run: ${reason}`)
  }
  if (!scenario.runnable || !scenario.dir) return notRun(scenario.reason ?? 'a step this comparison does not model')
  const files = overlay(scenario.dir, scenario.given)
  const configFile = findValeConfig(scenario.dir, undefined, files)
  const dir = scenario.dir
  const listed = (scenario.files ?? (existsSync(dir) ? mdFiles(dir) : [])).flatMap((f) => {
    if (f === '.') return Object.keys(scenario.given ?? {}).filter((g) => !g.startsWith('.') && !g.startsWith('_'))
    const full = join(dir, f)
    return existsSync(full) && statSync(full).isDirectory() ? mdFiles(full, `${f}/`) : [f]
  })
  const md = listed.filter((f) => f.endsWith('.md'))
  if (md.length === 0) {
    formatsLeftOut.push(...new Set(listed.map((f) => extname(f) || 'none')))
    return notRun('no Markdown file: the scenario lints another format (Bluepencil reviews Markdown posts)')
  }
  if (!configFile) return notRun('the fixture folder was copied without its .vale.ini (its expected output needs one)')
  const got: string[] = []
  const matched = new Map<string, string>()
  const problems: string[] = []
  let stylesPath: string | undefined
  for (const file of md) {
    const full = join(scenario.dir, file)
    let project: ValeProject
    try {
      project = projectFor(configFile, files, scenario.given ? `${configFile}\0${JSON.stringify(scenario.given)}` : configFile)
    } catch (error) {
      problems.push((error as Error).message)
      continue
    }
    problems.push(...project.problems.map((p) => `${p.file}:${p.line}: ${p.message}`))
    stylesPath = project.config.stylesPath
    const source = files.read(full)
    if (source === undefined) {
      problems.push(`${file}: not found`)
      continue
    }
    for (const f of lintWithVale(project, full, source)) {
      const line = valeLine(f, source, file)
      got.push(line)
      matched.set(line, source.slice(f.span.start.offset, f.span.end.offset))
    }
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
    } else if (!scenario.subset) extra.push(l)
  }
  const missing = [...want].flatMap(([l, n]) => Array.from({ length: n }, () => l))
  // A rule's problems are known once it ran. The issue leaves `script` rules out (reported by
  // name): a scenario all of whose alerts come from them tests nothing Bluepencil does.
  const scriptRules = new Set(
    [...projects.values()].flatMap((p) => p.problems).flatMap((p) => (/'script' rules/.test(p.message) ? [p.message.split(':')[0] as string] : [])),
  )
  const ruleOf = (l: string) => /^[^:]*:\d+:\d+:([^:]+):/.exec(l)?.[1] ?? ''
  if (expected.length > 0 && expected.every((l) => scriptRules.has(ruleOf(l))) && exact === 0) {
    return notRun('tests `script` rules only (Tengo programs: not supported, reported by name)')
  }
  tally.scenarios++
  tally.expected += expected.length
  tally.exact += exact
  tally.missing += missing.length
  tally.extra += extra.length
  const pass = missing.length === 0 && extra.length === 0
  if (pass) tally.passed++
  // A style's own feature file can lag its rule files; the rule files say which side Vale is on.
  const evidence = pass || !ownStyle ? [] : explain([...missing.map((line) => ({ line, kind: 'missing' as const })), ...extra.map((line) => {
          const words = matched.get(line)
          return { line, kind: 'extra' as const, ...(words === undefined ? {} : { matched: words }) }
        })], stylesPath, files)
  const isStale = evidence.length > 0 && evidence.every((e) => e.because !== undefined)
  if (isStale) stale.push(`${label} / ${scenario.name}`)
  if (verbose || !pass) {
    console.log(`  ${pass ? 'ok' : isStale ? 'STALE' : 'FAIL'} ${label} / ${scenario.name}: ${exact}/${expected.length} exact, ${missing.length} missing, ${extra.length} extra`)
    if (!pass) {
      const why = new Map(evidence.map((e) => [e.line, e.because]))
      const show = (l: string) => (why.get(l) === undefined ? '' : `\n              because ${why.get(l)}`)
      for (const l of missing) console.log(`      missing ${l}${show(l)}`)
      for (const l of extra) console.log(`      extra   ${l}${show(l)}`)
      for (const p of new Set(problems)) console.log(`      note    ${p}`)
    }
  }
}

function newTally(): Tally {
  return { expected: 0, exact: 0, missing: 0, extra: 0, scenarios: 0, passed: 0, notRun: 0 }
}

/** Scenarios run with a .vale.ini written the way their sibling fixtures write theirs. */
const inferred: string[] = []

/**
 * Three scope fixtures (heading, list, table) were copied without their .vale.ini. Every
 * sibling scope fixture's .vale.ini is the same three lines: `StylesPath = ../../scopes`,
 * `[*]`, and `rules.NAME = YES` for each rule its expected output names; the comparison
 * writes that one (over the disk, nothing is written) and says so in the summary.
 */
function withSiblingConfig(s: Scenario): Scenario {
  if (!s.runnable || !s.dir || basename(dirname(s.dir)) !== 'scopes' || existsSync(join(s.dir, '.vale.ini'))) return s
  const rules = [...new Set(s.expected.flatMap((l) => /^[^:]*\.md:\d+:\d+:(rules\.[^:]+):/.exec(l)?.[1] ?? []))]
  if (rules.length === 0) return s
  inferred.push(s.name)
  const ini = `StylesPath = ../../scopes\nMinAlertLevel = suggestion\n\n[*]\n${rules.map((r) => `${r} = YES`).join('\n')}\n`
  return { ...s, given: { ...s.given, '.vale.ini': ini } }
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
    for (const s of scenarios) run(s, tally, style, true)
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
    [/^When I lint "(.*)"$/, (m) => ({ dir: join(fixtures, 'formats'), files: (m[1] as string).split(' ') })],
    [/^When I use Vocab "(.*)"$/, (m) => ({ dir: join(fixtures, 'vocab', m[1] as string) })],
    [/^When I test template "(.*)"$/, (m) => ({ dir: join(fixtures, 'templates', m[1] as string) })],
    [/^When I apply style "(.*)"$/, (m) => ({ dir: join(fixtures, 'styles', m[1] as string) })],
    // Vale's Cucumber steps run `vale ARGS` in tmp/aruba, beside the files the scenario wrote.
    [/^When I run vale "(.*)"$/, (m) => ({ dir: join(testdata, 'tmp', 'aruba'), files: (m[1] as string).split(' ') })],
  ]
  /** Steps that test something other than linting Markdown with a configuration; why each is left out. */
  const outside: [RegExp, string][] = [
    [/^When I run cat|^When I lint string/, 'reads standard input (`vale` given text on stdin)'],
    [/^When I use filter/, "Vale's --filter expressions over results (not supported)"],
    [/^When I fix/, "Vale's `fix` command for script rules (script rules are not supported)"],
    [/^When I sync pkg/, '`vale sync` downloads packages; Bluepencil never downloads at review time'],
    [/^When I test (dir )?glob/, "Vale's --glob flag for choosing files"],
    [/^When I lint path/, "Vale's --glob flag for choosing files"],
    [/^When I assign minAlertLevel/, "Vale's --minAlertLevel flag"],
    [/^When I lint with config/, "Vale's --config flag with a config outside the linted folder"],
    [/^When I lint simple/, "Vale's --ignore-syntax flag (plain-text linting of a .md file)"],
    [/^When I lint file ".*" as/, "Vale's --ext flag (a file of another extension read as Markdown)"],
    [/^When I lint (reStructuredText|AsciiDoc)/, 'a format other than Markdown'],
  ]
  for (const name of readdirSync(featuresDir).sort()) {
    const tally = newTally()
    const scenarios = parseFeature(readFileSync(join(featuresDir, name), 'utf8'), (line) => {
      for (const [re, make] of steps) {
        const m = re.exec(line)
        if (m) return { ...make(m), runnable: true }
      }
      const why = outside.find(([re]) => re.test(line))
      return { runnable: false, reason: why ? why[1] : `a step this comparison does not model: ${line}` }
    })
    for (const s of scenarios) run(withSiblingConfig(s), tally, name)
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
if (inferred.length > 0) console.log(`\nRun with the .vale.ini their sibling scope fixtures have (StylesPath = ../../scopes, [*], the rules their expected output names = YES), as theirs was not copied: ${inferred.join('; ')}`)
if (stale.length > 0) console.log(`\nFeature files that lag the style they ship (each difference explained by the style's rule files, above): ${stale.join('; ')}`)
console.log(`\nNot run (${[...excluded.values()].reduce((n, l) => n + l.length, 0)}), by reason:`)
for (const [reason, names] of [...excluded].sort((a, b) => b[1].length - a[1].length)) {
  const formats = reason.startsWith('no Markdown') ? ` (${[...new Set(formatsLeftOut)].sort().join(' ')})` : ''
  console.log(`  ${String(names.length).padStart(3)}  ${reason}${formats}`)
  if (verbose) for (const n of names) console.log(`         ${n}`)
}
