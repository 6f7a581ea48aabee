import { readdirSync, readFileSync } from 'node:fs'
import { DEFAULT_CONFIG } from '../src/config/repo-config.js'
import { createLinter } from '../src/lint/linter.js'
const dir = '../shared/corpus/flink-web/'
const want = process.argv[2]
const n = Number(process.argv[3] ?? 15)
const { linter } = createLinter({ config: DEFAULT_CONFIG })
const all: string[] = []
const counts = new Map<string, number>()
for (const f of readdirSync(dir)) {
  const src = readFileSync(dir + f, 'utf8')
  const r = linter.lint(f, src)
  if (r.kind !== 'linted') continue
  for (const x of r.findings) {
    counts.set(x.ruleId + ' ' + x.severity, (counts.get(x.ruleId + ' ' + x.severity) ?? 0) + 1)
    if (x.ruleId !== want) continue
    const line = src.split('\n')[x.span.start.line - 1] ?? ''
    all.push(`${f}:${x.span.start.line} [${x.actual.slice(0, 40)}] -> ${x.expected[0]?.slice(0, 40)} | ${line.slice(Math.max(0, x.span.start.column - 50), x.span.start.column + 60)}`)
  }
}
console.log([...counts].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}: ${v}`).join(', '))
const step = Math.max(1, Math.floor(all.length / n))
for (let i = 0; i < all.length; i += step) console.log(all[i])
