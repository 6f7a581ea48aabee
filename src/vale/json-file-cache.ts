import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { threadId } from 'node:worker_threads'

/** Where the CLI keeps what it learns between runs. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['BLUEPENCIL_CACHE_DIR'] ?? join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'bluepencil')
}

/** Values by a key whose whole text decides them, kept in one JSON file between runs. */
export interface JsonFileCache<T> {
  get(key: string): T | undefined
  set(key: string, value: T): void
  /** Writes the entries back when this run added any; a cache that cannot be written is only slower. */
  save(): void
}

export interface JsonFileCacheOptions<T> {
  /** How many entries the file keeps: the ones this run used, then the latest others. */
  readonly keep: number
  /** Whether a stored value has the shape `get` promises; anything else reads as a miss. */
  readonly isEntry: (value: unknown) => value is T
}

/**
 * A missing, unreadable or malformed file, or a malformed entry, reads as a miss, so the
 * caller computes the value as if there were no cache. Keys are stored hashed: the file
 * stays small whatever the keys hold, and only a key's exact text finds its entry.
 */
export function jsonFileCache<T>(file: string, { keep, isEntry }: JsonFileCacheOptions<T>): JsonFileCache<T> {
  let stored: Record<string, unknown> = {}
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) stored = parsed as Record<string, unknown>
  } catch {
    // No cache yet, or an unreadable one: start empty.
  }
  const used = new Map<string, T>()
  let added = false
  const hash = (key: string) => createHash('sha1').update(key).digest('base64url')
  return {
    get(key) {
      const k = hash(key)
      const hit = Object.hasOwn(stored, k) ? stored[k] : undefined
      if (!isEntry(hit)) return undefined
      used.set(k, hit)
      return hit
    },
    set(key, value) {
      used.set(hash(key), value)
      added = true
    },
    save() {
      if (!added) return
      added = false
      const older = Object.entries(stored).filter(([k]) => !used.has(k))
      const kept = { ...Object.fromEntries(older.slice(Math.max(0, older.length - (keep - used.size)))), ...Object.fromEntries(used) }
      try {
        mkdirSync(dirname(file), { recursive: true })
        // Worker threads share the pid: each writes its own temporary file.
        const temp = `${file}.${process.pid}-${threadId}.tmp`
        writeFileSync(temp, JSON.stringify(kept))
        renameSync(temp, file)
        stored = kept
      } catch {
        // A read-only home or a full disk: the next run computes the values again.
      }
    },
  }
}
