import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { threadId } from 'node:worker_threads'
import { cacheDir } from './rule-file-cache.js'

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
/** Enough for several large styles; the entries used last are kept. */
const KEEP = 20_000

export function defaultRegexCacheFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheDir(env), `vale-regexes-v${FORMAT}.json`)
}

/**
 * A cache in one JSON file. A missing, unreadable or malformed file, or a malformed
 * entry, reads as a miss: the pattern is compiled and checked as if there were no cache.
 * `engine` names the code that computes the entries (regexEngineId in regex.ts).
 */
export function fileRegexCache(file: string, engine: string): RegexCache {
  let stored: Record<string, unknown> = {}
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) stored = parsed as Record<string, unknown>
  } catch {
    // No cache yet, or an unreadable one: start empty.
  }
  const used = new Map<string, RegexTranslation>()
  let added = false
  const key = (source: string, ignoreCase: boolean) => createHash('sha1').update(`${engine}\0${ignoreCase ? 'i' : ''}\0${source}`).digest('base64url')
  return {
    get(source, ignoreCase) {
      const k = key(source, ignoreCase)
      const hit = Object.hasOwn(stored, k) ? stored[k] : undefined
      if (!isTranslation(hit)) return undefined
      used.set(k, hit)
      return hit
    },
    set(source, ignoreCase, translation) {
      used.set(key(source, ignoreCase), translation)
      added = true
    },
    save() {
      if (!added) return
      added = false
      const older = Object.entries(stored).filter(([k]) => !used.has(k))
      const kept = { ...Object.fromEntries(older.slice(Math.max(0, older.length - (KEEP - used.size)))), ...Object.fromEntries(used) }
      try {
        mkdirSync(dirname(file), { recursive: true })
        const temp = `${file}.${process.pid}-${threadId}.tmp`
        writeFileSync(temp, JSON.stringify(kept))
        renameSync(temp, file)
        stored = kept
      } catch {
        // A read-only home or a full disk: the next run compiles the patterns again.
      }
    },
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
