import { join } from 'node:path'
import { cacheDir, jsonFileCache } from './json-file-cache.js'

/** What compiling a Vale pattern worked out, all of it a function of the pattern and the engine's code. */
export interface RegexTranslation {
  /** The JavaScript source of the ASCII twin. */
  readonly ascii: string
  readonly groups: number
  /** The JavaScript source of the Unicode twin, when compiling needed it (the guard reads it). */
  readonly unicode?: string
  /** The backtracking guard's verdict on the Unicode twin, when it ran: '' for safe, else why it refused. */
  readonly problem?: string
}

/**
 * Vale pattern translations and their safety verdicts kept between runs. Translating a
 * style's patterns and checking the repeated ones for catastrophic backtracking (refa's
 * automata) cost a one-post `lint --vale` with the Google style ~60 ms of its ~600; the
 * results depend only on the pattern and the code that computes them, so an entry is
 * keyed by both: an edited rule file asks for a new pattern, a rebuilt engine has
 * another identity, and neither ever reads an older answer.
 */
export interface RegexCache {
  get(source: string, ignoreCase: boolean): RegexTranslation | undefined
  set(source: string, ignoreCase: boolean, translation: RegexTranslation): void
  /** Writes the entries back when this run added any; a cache that cannot be written is only slower. */
  save(): void
}

/** Bump when the stored shape changes. */
const FORMAT = 1
/** Enough for several large styles. */
const KEEP = 20_000

export function defaultRegexCacheFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheDir(env), `vale-regexes-v${FORMAT}.json`)
}

/** `engine` names the code that computes the entries (regexEngineId in regex.ts). */
export function fileRegexCache(file: string, engine: string): RegexCache {
  const entries = jsonFileCache(file, { keep: KEEP, isEntry: isTranslation })
  const key = (source: string, ignoreCase: boolean) => `${engine}\0${ignoreCase ? 'i' : ''}\0${source}`
  return {
    get: (source, ignoreCase) => entries.get(key(source, ignoreCase)),
    set: (source, ignoreCase, translation) => entries.set(key(source, ignoreCase), translation),
    save: () => entries.save(),
  }
}

function isTranslation(value: unknown): value is RegexTranslation {
  if (typeof value !== 'object' || value === null) return false
  const t = value as Record<string, unknown>
  return (
    typeof t['ascii'] === 'string' &&
    Number.isInteger(t['groups']) &&
    (t['unicode'] === undefined || typeof t['unicode'] === 'string') &&
    (t['problem'] === undefined || typeof t['problem'] === 'string')
  )
}
