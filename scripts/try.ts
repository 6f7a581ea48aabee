import { readFileSync } from 'node:fs'
import { createLinter } from '../src/lint/linter.js'
import { loadLintAssets } from '../src/lint/lint-assets.js'
import { DEFAULT_CONFIG } from '../src/config/repo-config.js'
const { linter, errors } = createLinter({ config: DEFAULT_CONFIG, assets: loadLintAssets() })
console.log(errors)
const r = linter.lint('post.md', readFileSync(process.argv[2] ?? '/work/main/fixtures/posts/beam-flink-part2.md', 'utf8'))
if (r.kind === 'linted') for (const f of r.findings) console.log(f.span.start.line + ':' + f.span.start.column, f.ruleId, f.message, JSON.stringify(f.actual).slice(0,80), f.fix ? 'FIX ' + f.fix.startLine : '')
