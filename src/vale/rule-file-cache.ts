import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { threadId } from 'node:worker_threads'

/** A rule file's top-level fields and the line of each key. */
export interface ParsedRuleFile {
  readonly fields: Record<string, unknown>
  readonly lines: Record<string, number>
}

/**
 * Parsed Vale rule files by the hash of their text. Composing YAML is most of the time
 * a one-post CLI run spends loading a style (~80 ms for Google's 31 files, cold); JSON
 * of the same fields reads in a few. The text is still read each run, so an edited rule
 * file is a new key and never a stale answer.
 */
export interface RuleFileCache {
  get(text: string): ParsedRuleFile | undefined
  set(text: string, parsed: ParsedRuleFile): void
  /** Writes the entries back when this run added any; a cache that cannot be written is only slower. */
  save(): void
}

/** Bump when what parsing a rule file yields changes, so older entries are not read. */
const FORMAT = 1
/** Enough for several large styles; the entries used last are kept. */
const KEEP = 4000

export function defaultCacheFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheDir(env), `vale-rule-files-v${FORMAT}.json`)
}

/** Where the CLI keeps what it learns between runs. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['BLUEPENCIL_CACHE_DIR'] ?? join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'bluepencil')
}

export function fileRuleCache(file: string): RuleFileCache {
  let stored: Record<string, ParsedRuleFile> = {}
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) stored = parsed as Record<string, ParsedRuleFile>
  } catch {
    // No cache yet, or an unreadable one: start empty.
  }
  const used = new Map<string, ParsedRuleFile>()
  let added = false
  const key = (text: string) => createHash('sha1').update(text).digest('base64url')
  return {
    get(text) {
      const k = key(text)
      const hit = Object.hasOwn(stored, k) ? stored[k] : undefined
      if (hit) used.set(k, hit)
      return hit
    },
    set(text, parsed) {
      if (!jsonSafe(parsed.fields)) return
      used.set(key(text), parsed)
      added = true
    },
    save() {
      if (!added) return
      const kept = { ...Object.fromEntries(Object.entries(stored).filter(([k]) => !used.has(k)).slice(-(KEEP - used.size))), ...Object.fromEntries(used) }
      try {
        mkdirSync(join(file, '..'), { recursive: true })
        // Worker threads share the pid: each writes its own temporary file.
        const temp = `${file}.${process.pid}-${threadId}.tmp`
        writeFileSync(temp, JSON.stringify(kept))
        renameSync(temp, file)
      } catch {
        // A read-only home or a full disk: the next run parses the YAML again.
      }
    },
  }
}

/** Whether JSON gives the value back as it is (YAML's .inf and .nan would come back null). */
function jsonSafe(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value)
  if (Array.isArray(value)) return value.every(jsonSafe)
  if (typeof value === 'object' && value !== null) return Object.values(value).every(jsonSafe)
  return true
}

/** The same within one process, by text: reading a repository's styles in rounds parses each file once. */
export function memoryRuleCache(): RuleFileCache {
  const parsed = new Map<string, ParsedRuleFile>()
  return {
    get: (text) => parsed.get(text),
    set: (text, value) => void parsed.set(text, value),
    save: () => undefined,
  }
}
