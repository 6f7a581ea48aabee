/**
 * The issue-11 bar on the whole corpus: with the Google style enabled, every alert posted
 * with a suggestion passes the fix-safety checks. Two measures: each suggested line applied
 * alone and re-linted (bench-vale's check), and each post fixed whole then fixed again
 * (fix-safety-bench's check: a second fix changes nothing, no new alert on a fixed line).
 *
 *   npx tsx scripts/vale-corpus-safety.ts [../shared]   (not in npm run bench: it re-lints each post per suggested line, ~15 min)
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { benchVale } from './bench-vale.js'
import { measureFixSafety } from './fix-safety-bench.js'
import { lintWithVale } from '../src/lint/lint-vale.js'
import { loadValeProject } from '../src/vale/vale-project.js'
import { openEnglishDictionary } from '../src/spelling/dictionary.js'
import { tmpdir } from 'node:os'

const shared = resolve(process.argv[2] ?? '../shared')
const corpus = join(shared, 'corpus')
const styles = join(shared, 'vale', 'styles', 'Google')
if (!existsSync(corpus) || !existsSync(styles)) {
  console.error(`vale-corpus-safety: ${existsSync(corpus) ? styles : corpus} not found; pass the shared folder as the first argument`)
  process.exit(2)
}
const files = readdirSync(corpus, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()
  .flatMap((site) => readdirSync(join(corpus, site)).filter((f) => f.endsWith('.md')).sort().map((f) => join(corpus, site, f)))
// benchVale also times one post as a whole CLI process; the first post of the corpus serves.
const seed = files[0] as string

benchVale({ root: resolve('.'), shared, files, seed, log: console.log })

const dir = mkdtempSync(join(tmpdir(), 'bluepencil-vale-safety-'))
const ini = join(dir, '.vale.ini')
writeFileSync(ini, `StylesPath = ${styles}\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = Google\n`)
const project = loadValeProject(ini, { dictionary: openEnglishDictionary() })
const report = measureFixSafety(
  files.map((path) => ({ path, source: readFileSync(path, 'utf8') })),
  (path, source) => lintWithVale(project, path, source),
)
console.log(
  `whole-post fix (${report.posts} posts): ${report.changedByFirstFix} changed by the first fix; ` +
    `${report.changedBySecondFix.length} changed again by a second fix; ${report.newFindingsOnFixedLines.length} new alerts on fixed lines`,
)
for (const p of report.changedBySecondFix) console.log(`  SECOND FIX ${p}`)
for (const f of report.newFindingsOnFixedLines) console.log(`  NEW ${f.path}:${f.span.start.line}:${f.span.start.column} ${f.ruleId}: ${f.message}`)
