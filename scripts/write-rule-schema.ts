import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from '../src/core/package-root.js'
import { ruleJsonSchemaText } from '../src/rules/rule-json-schema.js'

// `npm run schema`: regenerates rules/rule.schema.json from the kinds' schemas (src/rules/kinds/).
const file = join(packageRoot(), 'rules', 'rule.schema.json')
writeFileSync(file, ruleJsonSchemaText())
console.log(`wrote ${file}`)
