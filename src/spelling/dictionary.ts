import { readCommonMisspellings, type MisspellingTable } from './common-misspellings.js'
import { readEnglishDictionaryFiles } from './dictionary-files.js'
import { englishStems } from './english-stems.js'
import { readEnglishWords } from './english-words.js'
import { createChecker, type WordChecker } from './hunspell.js'
import { readSoftwareTerms } from './software-terms.js'
import type { WordSet } from './typo-correction.js'
import { readEnglishFrequency, type WordFrequency } from './word-frequency.js'

/** The English word lists the spelling rules weigh. An entry point opens one and passes it to every rule set it compiles. */
export interface Dictionary {
  /** Hunspell checks against the bundled dictionary (dictionary-en). */
  checker(): WordChecker
  /** Every English word, rare ones included (word-list), lower case. */
  words(): WordSet
  /** Jargon of the field a general dictionary lacks (cspell's software terms), lower case. */
  jargon(): ReadonlySet<string>
  /** How often English speakers use a word (SUBTLEX-US). */
  frequency(): WordFrequency
  /** Misspellings people really make, each with its one correction (cspell's common misspellings). */
  misspellings(): MisspellingTable
}

/**
 * The bundled English dictionary. Each list is read from its package on first use and
 * kept by this object: a run that never checks spelling (a Vale style, check-rules of one
 * rule) reads none of them, and a worker thread that does reads each once.
 */
export function openEnglishDictionary(): Dictionary {
  const hunspellFiles = once(readEnglishDictionaryFiles)
  return {
    checker: once(() => createChecker(new TextDecoder().decode(hunspellFiles().aff), englishStems(hunspellFiles().dic))),
    words: once(readEnglishWords),
    jargon: once(readSoftwareTerms),
    frequency: once(readEnglishFrequency),
    misspellings: once(readCommonMisspellings),
  }
}

function once<T>(read: () => T): () => T {
  let value: { readonly v: T } | undefined
  return () => (value ??= { v: read() }).v
}
