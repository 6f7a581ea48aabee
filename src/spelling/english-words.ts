import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

let shared: ReadonlySet<string> | undefined

/**
 * The 274,000 words of word-list (MIT), far more than a spelling dictionary admits
 * ("liveness", "tunable", "prebuilt"): a word in it may be rare, but it is no typo.
 */
export function englishWords(): ReadonlySet<string> {
  if (!shared) {
    const dir = dirname(createRequire(import.meta.url).resolve('word-list'))
    shared = new Set(readFileSync(join(dir, 'words.txt'), 'utf8').split('\n'))
  }
  return shared
}
