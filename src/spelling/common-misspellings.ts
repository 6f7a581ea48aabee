import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { indexKeys, type KeySpan } from './sorted-keys.js'

/** A misspelling's one correction, or undefined. */
export type MisspellingTable = (word: string) => string | undefined

/**
 * The common English misspellings cspell maintains (@cspell/dict-en-common-misspellings,
 * CC BY-SA 4.0): 89,000 words people really mistype ("accomodate", "existance",
 * "sinature"), each with its correction. Only the few words a correction weighs are
 * looked up, so the file stays one string, searched on demand by binary search over its
 * entries: parsing its 2.6 MB into a map cost a post a quarter of a second.
 */
export function readCommonMisspellings(): MisspellingTable {
  const dir = dirname(createRequire(import.meta.url).resolve('@cspell/dict-en-common-misspellings/cspell-ext.json'))
  const text = readFileSync(join(dir, 'dict', 'dict-en.json'), 'utf8')
  const suggestions = text.indexOf('"suggestWords"')
  if (suggestions < 0) throw new Error('common misspellings: expected a cspell file with suggestWords')
  let find: ((key: string) => number | undefined) | undefined
  return (word) => {
    if (!/^[\p{Ll}'’-]+$/u.test(word)) return undefined
    find ??= indexKeys(text, quotedKeys(text, suggestions))
    const at = find(word)
    if (at === undefined) return undefined
    const close = text.indexOf('"', at + 1)
    return correctionOf(text.slice(at + 1, close))
  }
}

/**
 * Every `"wrong->` from `from` on, as the span of `wrong`, at its quote: the first such
 * quote of a word is where `text.indexOf(`"${word}->`, from)` would find it, as a word
 * holds no quote, newline or `>`.
 */
function* quotedKeys(text: string, from: number): Generator<KeySpan> {
  for (let quote = text.indexOf('"', from); quote >= 0; quote = text.indexOf('"', quote + 1)) {
    const arrow = text.indexOf('->', quote + 1)
    if (arrow < 0) return
    const key = text.slice(quote + 1, arrow)
    if (!key.includes('"') && !key.includes('\n')) yield { start: quote + 1, end: arrow, at: quote }
  }
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
      const right = correctionOf(line)
      if (right !== undefined) table.set(line.slice(0, line.indexOf('->')).trim(), right)
    }
  }
  return (word) => table.get(word)
}

/** The correction of a `wrong->right` line, if it has exactly one. */
function correctionOf(line: string): string | undefined {
  const arrow = line.indexOf('->')
  if (arrow < 1) return undefined
  const wrong = line.slice(0, arrow).trim()
  const right = line.slice(arrow + 2).trim()
  return right === '' || right.includes(',') || /\s/.test(wrong) ? undefined : right
}
