import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { packageRoot } from '../core/package-root.js'
import { compileRules } from './compile-rules.js'
import { formatConfigError } from '../config/config-error.js'
import { openEnglishDictionary } from '../spelling/dictionary.js'
import { bundledRulesDir, hashSources, parseRuleSources, readRuleDir, RULE_CACHE } from './load-rules.js'

// Run by `npm run build`: validates the bundled rules once and stores them for fast starts.
const sources = readRuleDir(bundledRulesDir())
const { rules, errors } = parseRuleSources(sources)
if (errors.length > 0) {
  console.error(errors.map(formatConfigError).join('\n'))
  process.exit(1)
}
// Compiling them once finds each regex safe and its required literal; the cache keeps both.
const patterns = compileRules(rules, { extraTerms: [], accept: [], dictionary: openEnglishDictionary() }).patterns.toData()
const file = join(packageRoot(), RULE_CACHE)
mkdirSync(dirname(file), { recursive: true })
writeFileSync(file, JSON.stringify({ hash: hashSources(sources), rules, patterns }))
