import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lintWithVale } from '../../src/lint/lint-vale.js'
import { fileRegexCache, type RegexCache } from '../../src/vale/regex-cache.js'
import { compileValeRegex, regexEngineId, withRegexCache } from '../../src/vale/regex.js'
import { loadValeProject } from '../../src/vale/vale-project.js'
import { dictionary } from '../support/lint-assets.js'

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'bluepencil-regex-cache-')), 'regexes.json')

describe('the Vale pattern cache', () => {
  it('serves a stored translation on a hit, and stores what a miss compiled', () => {
    const file = tempFile()
    const first = fileRegexCache(file, 'engine-a')
    const compiled = withRegexCache(first, () => compileValeRegex('(?i)(\\w+ )+end'))
    first.save()
    const stored = fileRegexCache(file, 'engine-a').get('(?i)(\\w+ )+end', false)
    expect(stored).toEqual({ ascii: compiled.ascii.source, groups: 1, unicode: compiled.unicode.source, problem: '' })

    // A hit is taken as stored: an entry planted for a pattern is what compiling it gives.
    const planted = fileRegexCache(file, 'engine-a')
    planted.set('planted', false, { ascii: 'stored', groups: 0 })
    planted.save()
    expect(withRegexCache(fileRegexCache(file, 'engine-a'), () => compileValeRegex('planted')).ascii.source).toBe('stored')
    // Outside withRegexCache, and for another engine, nothing is read from it.
    expect(compileValeRegex('planted').ascii.source).toBe('planted')
    expect(withRegexCache(fileRegexCache(file, 'engine-b'), () => compileValeRegex('planted')).ascii.source).toBe('planted')
  })

  it('keeps the guard verdict: a refused pattern is refused again, with the same reason', () => {
    const file = tempFile()
    const refusal = (cache: RegexCache) => {
      try {
        withRegexCache(cache, () => compileValeRegex('(a+)+b'))
      } catch (error) {
        return (error as Error).message
      }
      return 'compiled'
    }
    const first = fileRegexCache(file, 'engine-a')
    const message = refusal(first)
    expect(message).toBe('/(a+)+b/ can backtrack catastrophically (in the repeat `(a+)+`, one round of `(a+)` can match what several rounds match); rewrite it')
    first.save()
    expect(refusal(fileRegexCache(file, 'engine-a'))).toBe(message)
    // The verdict is read, not worked out again: a stored refusal holds for a pattern the guard would pass.
    const planted = fileRegexCache(file, 'engine-a')
    planted.set('(ab)+c', false, { ascii: '(ab)+c', groups: 1, unicode: '(ab)+c', problem: 'a planted reason' })
    planted.save()
    expect(() => withRegexCache(fileRegexCache(file, 'engine-a'), () => compileValeRegex('(ab)+c'))).toThrow('(a planted reason)')
    expect(compileValeRegex('(ab)+c').groups).toBe(1)
  })

  it('ignores a corrupt file or a malformed entry, and writes a sound file back', () => {
    const file = tempFile()
    writeFileSync(file, '{"truncated": {"ascii": "x", "gro')
    const cache = fileRegexCache(file, 'engine-a')
    expect(withRegexCache(cache, () => compileValeRegex('colou?r')).ascii.source).toBe('colou?r')
    cache.save()
    expect(Object.values(JSON.parse(readFileSync(file, 'utf8')) as object)).toEqual([{ ascii: 'colou?r', groups: 0 }])

    const [key] = Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object)
    writeFileSync(file, JSON.stringify({ [key as string]: { ascii: 'wrong', groups: 'one' } }))
    expect(withRegexCache(fileRegexCache(file, 'engine-a'), () => compileValeRegex('colou?r')).ascii.source).toBe('colou?r')
  })

  it('misses when a style file changes: the edited rule reports what it now says', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bluepencil-vale-'))
    const cacheFile = join(dir, 'cache', 'regexes.json')
    writeFileSync(join(dir, '.vale.ini'), 'StylesPath = styles\n\n[*.md]\nBasedOnStyles = House\n')
    const rule = (token: string) => `extends: existence\nmessage: "Avoid '%s'."\nlevel: warning\ntokens:\n  - ${token}\n`
    const lint = (token: string) => {
      writeFileSync(join(dir, 'styles', 'House', 'Avoid.yml'), rule(token))
      const project = loadValeProject(join(dir, '.vale.ini'), { dictionary, regexCache: fileRegexCache(cacheFile, regexEngineId()) })
      return lintWithVale(project, join(dir, 'post.md'), 'We use foo here, and bar there.\n').map((f) => f.message)
    }
    mkdirSync(join(dir, 'styles', 'House'), { recursive: true })
    expect(lint('foo')).toEqual(["Avoid 'foo'."])
    expect(lint('bar')).toEqual(["Avoid 'bar'."])
    expect(lint('foo')).toEqual(["Avoid 'foo'."])
    expect(Object.keys(JSON.parse(readFileSync(cacheFile, 'utf8')) as object).length).toBeGreaterThan(1)
  })
})
