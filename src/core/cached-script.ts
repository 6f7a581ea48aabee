import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { Script } from 'node:vm'

export interface CachedCommonJs<T> {
  readonly exports: T
  /** Whether V8 took the code cache in `FILE.cache` (false when there was none, or it came from another Node version). */
  readonly codeCacheAccepted: boolean
  /** Stores V8's compiled code for the file, including every function run so far, in `FILE.cache`. */
  saveCodeCache(): void
}

/**
 * Runs a CommonJS file (a bundle of the build) with V8's code cache beside it, so a
 * process starts with the file already compiled to bytecode instead of parsing megabytes
 * of JavaScript. A missing cache, or one V8 rejects (another Node version), costs only
 * the usual compile.
 */
export function loadCachedCommonJs<T>(file: string): CachedCommonJs<T> {
  const cacheFile = `${file}.cache`
  let cachedData: Buffer | undefined
  try {
    cachedData = readFileSync(cacheFile)
  } catch {
    // Not built yet: V8 compiles the file as usual.
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  })
  const module = { exports: {} as T }
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void
  wrapper(module.exports, createRequire(file), module, file, dirname(file))
  return {
    exports: module.exports,
    codeCacheAccepted: cachedData !== undefined && !script.cachedDataRejected,
    saveCodeCache: () => writeFileSync(cacheFile, script.createCachedData()),
  }
}
