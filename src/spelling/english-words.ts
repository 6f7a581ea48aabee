import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { findLine } from '../core/sorted-table.js'
import { indexKeys, lineSpans } from './sorted-keys.js'
import type { WordSet } from './typo-correction.js'
import { readWordTable, type WordListSource } from './word-tables.js'

export function englishWordsSource(): WordListSource {
  const packageDir = dirname(createRequire(import.meta.url).resolve('word-list'))
  return { name: 'english-words', file: join(packageDir, 'words.txt'), packageDir }
}

/** The lines of word-list's words.txt (a newline added at its end, as the list has none), each once. */
export function englishWordLines(text: string): Set<string> {
  return new Set(`${text}\n`.split('\n').slice(0, -1))
}

/**
 * The 274,000 words of word-list (MIT), far more than a spelling dictionary admits
 * ("liveness", "tunable", "prebuilt"): a word in it may be rare, but it is no typo.
 * Only the few words a typo correction weighs are looked up, so the list stays one
 * string, searched by binary search on demand: building a 274,000-entry set cost a post
 * most of a second. The build stores the list sorted (src/spelling/write-word-tables.ts):
 * indexing the lines of words.txt at the first lookup cost a one-post run ~60 ms.
 */
export function readEnglishWords(): WordSet {
  const source = englishWordsSource()
  const table = readWordTable(source)
  if (table !== undefined) return { has: (word) => findLine(table, word) !== undefined }
  const text = `${readFileSync(source.file, 'utf8')}\n`
  let find: ((key: string) => number | undefined) | undefined
  return {
    has: (word) => {
      find ??= indexKeys(text, lineSpans(text))
      return !word.includes('\n') && find(word) !== undefined
    },
  }
}
