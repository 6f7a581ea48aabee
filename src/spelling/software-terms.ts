import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { gunzipSync } from 'node:zlib'

/** The word lists of @cspell/dict-software-terms (MIT) that hold words, not patterns. */
const FILES = ['softwareTerms.txt.gz', 'software-tools.txt', 'coding-compound-terms.txt', 'networkingTerms.txt', 'webServices.txt', 'computing-acronyms.txt']

/**
 * Jargon of the field that a general dictionary lacks ("upsert", "backend", "sharded"),
 * lower-cased, from cspell's maintained software-terms dictionary: a typo correction
 * must never turn one of them into a common word ("upsert" -> "upset").
 */
export function readSoftwareTerms(): ReadonlySet<string> {
  return new Set(parseWordList(readLists()))
}

/**
 * The words cspell's software-terms lists write in lower case ("serverless", "loopback"):
 * generic jargon, not names. (Its names keep their capitals there: "GitHub", "Jira".)
 */
export function readJargonWords(): ReadonlySet<string> {
  return new Set(entries(readLists()).filter((word) => /^[a-z][a-z0-9]*$/.test(word)))
}

/** cspell word-list lines, lower-cased: `#` comments, `*`/`+` compound markers and `~` case hints stripped. */
export function parseWordList(text: string): string[] {
  return entries(text).map((word) => word.toLowerCase()).filter((word) => !/\s/.test(word))
}

/** Each line's word as the list writes it (case kept), markers and comments stripped. */
function entries(text: string): string[] {
  return text.split('\n').map((line) => line.replace(/#.*/, '').replace(/[*+~!]/g, '').trim()).filter((word) => word !== '')
}

function readLists(): string {
  const dir = join(dirname(createRequire(import.meta.url).resolve('@cspell/dict-software-terms/cspell-ext.json')), 'dict')
  return FILES.map((name) => {
    const raw = readFileSync(join(dir, name))
    return name.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8')
  }).join('\n')
}
