import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** A misspelling's one correction, or undefined. */
export type MisspellingTable = (word: string) => string | undefined

let shared: MisspellingTable | undefined

/**
 * The common English misspellings cspell maintains (@cspell/dict-en-common-misspellings,
 * CC BY-SA 4.0): 89,000 words people really mistype ("accomodate", "existance",
 * "sinature"), each with its correction. Read on first use.
 */
export function commonMisspellings(): MisspellingTable {
  if (!shared) {
    const dir = dirname(createRequire(import.meta.url).resolve('@cspell/dict-en-common-misspellings/cspell-ext.json'))
    shared = misspellingsFrom(JSON.parse(readFileSync(join(dir, 'dict', 'dict-en.json'), 'utf8')) as unknown)
  }
  return shared
}

/**
 * `suggestWords` lines `wrong->right` of a cspell dictionary file. A misspelling with
 * several corrections ("aas->as, ass") is left out: which one is meant is a guess.
 */
export function misspellingsFrom(file: unknown): MisspellingTable {
  const table = new Map<string, string>()
  const definitions = (file as { dictionaryDefinitions?: { suggestWords?: unknown }[] } | null)?.dictionaryDefinitions
  if (!Array.isArray(definitions)) throw new Error('common misspellings: expected a cspell file with dictionaryDefinitions')
  for (const definition of definitions) {
    if (!Array.isArray(definition.suggestWords)) continue
    for (const line of definition.suggestWords) {
      if (typeof line !== 'string') continue
      const arrow = line.indexOf('->')
      if (arrow < 1) continue
      const wrong = line.slice(0, arrow).trim()
      const right = line.slice(arrow + 2).trim()
      if (right === '' || right.includes(',') || /\s/.test(wrong)) continue
      table.set(wrong, right)
    }
  }
  return (word) => table.get(word)
}
