import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { readEnglishDictionaryFiles } from './dictionary-files.js'
import { buildEnglishStems, stemIndexPath } from './english-stems.js'

// Run by `npm run build`: every lint process then loads the stem table instead of building it.
const { dic } = readEnglishDictionaryFiles()
const file = stemIndexPath(dic)
mkdirSync(dirname(file), { recursive: true })
writeFileSync(file, buildEnglishStems(dic).toBytes())
