import { join } from 'node:path'
import { cacheDir, jsonFileCache } from './json-file-cache.js'

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
/** Enough for several large styles. */
const KEEP = 4000

export function defaultCacheFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheDir(env), `vale-rule-files-v${FORMAT}.json`)
}

export function fileRuleCache(file: string): RuleFileCache {
  const entries = jsonFileCache(file, { keep: KEEP, isEntry: isParsedRuleFile })
  return {
    get: (text) => entries.get(text),
    set(text, parsed) {
      if (jsonSafe(parsed.fields)) entries.set(text, parsed)
    },
    save: () => entries.save(),
  }
}

function isParsedRuleFile(value: unknown): value is ParsedRuleFile {
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
  return isRecord(value) && isRecord(value['fields']) && isRecord(value['lines']) && Object.values(value['lines']).every(Number.isInteger)
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
