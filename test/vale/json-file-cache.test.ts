import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { jsonFileCache } from '../../src/vale/json-file-cache.js'
import { fileRuleCache } from '../../src/vale/rule-file-cache.js'

const tempDir = () => mkdtempSync(join(tmpdir(), 'bluepencil-json-cache-'))
const isNumber = (value: unknown): value is number => typeof value === 'number'

describe('a JSON file cache', () => {
  it('gives back what an earlier run stored, by the exact key', () => {
    const file = join(tempDir(), 'nested', 'cache.json')
    const first = jsonFileCache(file, { keep: 10, isEntry: isNumber })
    first.set('key one', 1)
    first.save()
    const second = jsonFileCache(file, { keep: 10, isEntry: isNumber })
    expect(second.get('key one')).toBe(1)
    expect(second.get('key one ')).toBeUndefined()
  })

  it('reads a corrupt file, or an entry of the wrong shape, as a miss', () => {
    const file = join(tempDir(), 'cache.json')
    writeFileSync(file, '{"truncated": ')
    expect(jsonFileCache(file, { keep: 10, isEntry: isNumber }).get('a')).toBeUndefined()

    const writer = jsonFileCache<unknown>(file, { keep: 10, isEntry: (_v): _v is unknown => true })
    writer.set('a', 'not a number')
    writer.save()
    expect(jsonFileCache(file, { keep: 10, isEntry: isNumber }).get('a')).toBeUndefined()
    // A parsed rule file whose fields are not a mapping would crash its reader: it is a miss too.
    writer.set('rule text', { fields: 'oops', lines: {} })
    writer.save()
    expect(fileRuleCache(file).get('rule text')).toBeUndefined()
  })

  it('keeps the entries this run used and drops the oldest others beyond its size', () => {
    const file = join(tempDir(), 'cache.json')
    const first = jsonFileCache(file, { keep: 2, isEntry: isNumber })
    first.set('old', 1)
    first.set('older', 2)
    first.save()
    const second = jsonFileCache(file, { keep: 2, isEntry: isNumber })
    expect(second.get('old')).toBe(1)
    second.set('new', 3)
    second.save()
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object)).toHaveLength(2)
    const third = jsonFileCache(file, { keep: 2, isEntry: isNumber })
    expect([third.get('old'), third.get('older'), third.get('new')]).toEqual([1, undefined, 3])
  })

  it('is only slower, never failing, when the file cannot be written', () => {
    // A file where its folder should be: no one, root included, can create the cache there.
    const blocker = join(tempDir(), 'blocker')
    writeFileSync(blocker, '')
    const cache = jsonFileCache(join(blocker, 'cache.json'), { keep: 2, isEntry: isNumber })
    cache.set('a', 1)
    expect(() => cache.save()).not.toThrow()
    expect(cache.get('a')).toBeUndefined()
    expect(readFileSync(blocker, 'utf8')).toBe('')
  })
})
