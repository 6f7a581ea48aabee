import { rmSync } from 'node:fs'
import { loadCachedCommonJs } from '../core/cached-script.js'
import { posTaggerBundle } from './pos-tags.js'

// Run by `npm run build` after esbuild bundles wink-pos-tagger: tags a sentence once, so
// the code cache holds the tagger's functions as well as the lexicon's top level, then stores it.
const bundle = posTaggerBundle()
rmSync(`${bundle}.cache`, { force: true })
const loaded = loadCachedCommonJs<() => { tag(tokens: { value: string; tag: string }[]): unknown }>(bundle)
const words = 'The quick engineers were testing three new releases , and they shipped it quickly .'.split(' ')
loaded.exports().tag(words.map((value) => ({ value, tag: /^\w/.test(value) ? 'word' : 'punctuation' })))
loaded.saveCodeCache()
