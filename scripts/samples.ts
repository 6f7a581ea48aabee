// `npm run samples -- RULE [COUNT] [SHARED_DIR]`: an even sample of one rule's findings on
// the published corpus, with context, to judge whether the rule misfires.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DEFAULT_CONFIG } from '../src/config/repo-config.js'
import { createLinter } from '../src/lint/linter.js'
import { loadLintAssets } from '../src/lint/lint-assets.js'

const [rule, countArg, sharedArg] = process.argv.slice(2)
if (!rule) {
  console.error('usage: npm run samples -- RULE [COUNT] [SHARED_DIR]')
  process.exit(2)
}
const dir = join(resolve(sharedArg ?? '../shared'), 'corpus', 'flink-web')
const count = Number(countArg ?? 15)
const { linter } = createLinter({ config: DEFAULT_CONFIG, assets: loadLintAssets() })
const found: string[] = []
for (const file of readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
  const source = readFileSync(join(dir, file), 'utf8')
  const result = linter.lint(file, source)
  if (result.kind !== 'linted') continue
  for (const f of result.findings.filter((x) => x.ruleId === rule)) {
    const line = source.split('\n')[f.span.start.line - 1] ?? ''
    const context = line.slice(Math.max(0, f.span.start.column - 50), f.span.start.column + 60)
    found.push(`${file}:${f.span.start.line}  [${f.actual.slice(0, 40)}] -> ${f.expected[0]?.slice(0, 40) ?? '(message only)'}  | ${context}`)
  }
}
console.log(`${rule}: ${found.length} findings on the corpus`)
const step = Math.max(1, Math.floor(found.length / count))
for (let i = 0; i < found.length; i += step) console.log(found[i])
