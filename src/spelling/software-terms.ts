import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { gunzipSync } from 'node:zlib'

let shared: ReadonlySet<string> | undefined

/** The word lists of @cspell/dict-software-terms (MIT) that hold words, not patterns. */
const FILES = ['softwareTerms.txt.gz', 'software-tools.txt', 'coding-compound-terms.txt', 'networkingTerms.txt', 'webServices.txt', 'computing-acronyms.txt']

/**
 * Jargon of the field that a general dictionary lacks ("upsert", "backend", "sharded"),
 * lower-cased, from cspell's maintained software-terms dictionary: a typo correction
 * must never turn one of them into a common word ("upsert" -> "upset").
 */
export function softwareTerms(): ReadonlySet<string> {
  if (!shared) {
    const dir = join(dirname(createRequire(import.meta.url).resolve('@cspell/dict-software-terms/cspell-ext.json')), 'dict')
    const words = new Set<string>()
    for (const name of FILES) {
      const raw = readFileSync(join(dir, name))
      const text = name.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8')
      for (const word of parseWordList(text)) words.add(word)
    }
    shared = words
  }
  return shared
}

/** cspell word-list lines: `#` comments, `*`/`+` compound markers and `~` case hints stripped. */
export function parseWordList(text: string): string[] {
  const out: string[] = []
  for (const line of text.split('\n')) {
    const word = line.replace(/#.*/, '').replace(/[*+~!]/g, '').trim().toLowerCase()
    if (word !== '' && !/\s/.test(word)) out.push(word)
  }
  return out
}

let jargon: ReadonlySet<string> | undefined

/**
 * The words cspell's software-terms lists write in lower case ("serverless", "loopback"):
 * generic jargon, not names. (Its names keep their capitals there: "GitHub", "Jira".)
 */
export function jargonWords(): ReadonlySet<string> {
  if (!jargon) {
    const dir = join(dirname(createRequire(import.meta.url).resolve('@cspell/dict-software-terms/cspell-ext.json')), 'dict')
    const words = new Set<string>()
    for (const name of FILES) {
      const raw = readFileSync(join(dir, name))
      const text = name.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8')
      for (const line of text.split('\n')) {
        const word = line.replace(/#.*/, '').replace(/[*+~!]/g, '').trim()
        if (/^[a-z][a-z0-9]*$/.test(word)) words.add(word)
      }
    }
    jargon = words
  }
  return jargon
}
