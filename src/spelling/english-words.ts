import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { indexKeys, lineSpans } from './sorted-keys.js'
import type { WordSet } from './typo-correction.js'

/**
 * The 274,000 words of word-list (MIT), far more than a spelling dictionary admits
 * ("liveness", "tunable", "prebuilt"): a word in it may be rare, but it is no typo.
 * Only the few words a typo correction weighs are looked up, so the list stays one
 * string, searched by binary search on demand: building a 274,000-entry set cost a post
 * most of a second.
 */
export function readEnglishWords(): WordSet {
  const dir = dirname(createRequire(import.meta.url).resolve('word-list'))
  const text = `${readFileSync(join(dir, 'words.txt'), 'utf8')}\n`
  let find: ((key: string) => number | undefined) | undefined
  return {
    has: (word) => {
      find ??= indexKeys(text, lineSpans(text))
      return !word.includes('\n') && find(word) !== undefined
    },
  }
}
