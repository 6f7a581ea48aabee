import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCachedCommonJs } from '../../src/core/cached-script.js'

describe('loadCachedCommonJs', () => {
  it('runs a CommonJS file, stores its code cache beside it, and the next load takes the cache', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bluepencil-cached-')), 'lib.cjs')
    writeFileSync(file, "const { basename } = require('node:path')\nmodule.exports = { name: basename(__filename), twice: (n) => 2 * n }\n")
    const first = loadCachedCommonJs<{ name: string; twice(n: number): number }>(file)
    expect(first.codeCacheAccepted).toBe(false)
    expect(first.exports.name).toBe('lib.cjs')
    expect(first.exports.twice(21)).toBe(42)
    first.saveCodeCache()
    expect(existsSync(`${file}.cache`)).toBe(true)
    const second = loadCachedCommonJs<{ twice(n: number): number }>(file)
    expect(second.codeCacheAccepted).toBe(true)
    expect(second.exports.twice(4)).toBe(8)
  })

  it('compiles as usual when the cache is not V8 code (another Node version, a damaged file)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bluepencil-cached-')), 'lib.cjs')
    writeFileSync(file, 'exports.answer = 42\n')
    writeFileSync(`${file}.cache`, 'not a code cache')
    const loaded = loadCachedCommonJs<{ answer: number }>(file)
    expect(loaded.codeCacheAccepted).toBe(false)
    expect(loaded.exports.answer).toBe(42)
  })
})
