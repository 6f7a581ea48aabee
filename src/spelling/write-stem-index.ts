import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { buildEnglishStems, stemIndexPath } from './english-stems.js'

// Run by `npm run build`: every lint process then loads the stem table instead of building it.
const file = stemIndexPath()
mkdirSync(dirname(file), { recursive: true })
writeFileSync(file, buildEnglishStems().toBytes())
