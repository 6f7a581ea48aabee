import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lintWithVale, valeLine } from '../../src/lint/lint-vale.js'
import { fileRuleCache } from '../../src/vale/rule-file-cache.js'
import { snapshotFiles, type SnapshotMisses, type ValeSnapshot } from '../../src/vale/vale-files.js'
import { loadValeProject } from '../../src/vale/vale-project.js'
import { dictionary } from '../support/lint-assets.js'

const dir = join(import.meta.dirname, '../../fixtures/vale')
const post = readFileSync(join(dir, 'post.md'), 'utf8')
const fromDisk = lintWithVale(loadValeProject(join(dir, '.vale.ini'), { dictionary }), join(dir, 'post.md'), post).map((f) => valeLine(f, post, 'post.md'))

/** The fixture folder as a fetched repository would give it, rooted at `/`. */
function snapshotOf(root: string): ValeSnapshot {
  const files: Record<string, string> = {}
  const folders: Record<string, string[]> = {}
  const walk = (path: string) => {
    const names = readdirSync(path).map((n) => (statSync(join(path, n)).isDirectory() ? `${n}/` : n))
    folders[`/${relative(root, path)}`.replace(/\/$/, '') || '/'] = names
    for (const n of names) {
      if (n.endsWith('/')) walk(join(path, n))
      else files[`/${relative(root, join(path, n))}`] = readFileSync(join(path, n), 'utf8')
    }
  }
  walk(root)
  return { configFile: '/.vale.ini', files, folders }
}

describe('a Vale configuration read from a fetched repository', () => {
  it('gives the same alerts as the same files on disk', () => {
    const project = loadValeProject('/.vale.ini', { files: snapshotFiles(snapshotOf(dir)), dictionary })
    expect(project.problems).toEqual([])
    expect(lintWithVale(project, '/post.md', post).map((f) => valeLine(f, post, 'post.md'))).toEqual(fromDisk)
  })

  it('records what it still needs: unlisted folders, and listed files not fetched yet', () => {
    const misses: SnapshotMisses = { files: new Set(), folders: new Set() }
    const files = snapshotFiles({ files: {}, folders: { '/': ['.vale.ini', 'styles/'], '/gone': null } }, misses)
    expect(files.read('/.vale.ini')).toBeUndefined()
    expect(files.read('/absent.txt')).toBeUndefined()
    expect(files.list('/styles')).toBeUndefined()
    expect(files.list('/nope')).toBeUndefined()
    expect(files.list('/gone')).toBeUndefined()
    expect(files.read('/styles/Google/Latin.yml')).toBeUndefined()
    expect([...misses.files]).toEqual(['/.vale.ini'])
    expect([...misses.folders].sort()).toEqual(['/styles', '/styles/Google'])
  })
})

describe('parsed rule files kept between runs', () => {
  it('answers from the cache file in a later run, and an edited file is a new key', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bp-vale-cache-')), 'cache.json')
    const first = fileRuleCache(file)
    const project = loadValeProject(join(dir, '.vale.ini'), { cache: first, dictionary })
    expect(project.problems).toEqual([])
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { fields: Record<string, unknown> }>
    expect(Object.values(stored).some((p) => p.fields['extends'] === 'substitution')).toBe(true)
    const second = fileRuleCache(file)
    const latin = readFileSync(join(dir, 'styles/Google/Latin.yml'), 'utf8')
    expect(second.get(latin)?.fields['extends']).toBe('substitution')
    expect(second.get(`${latin}\n# edited`)).toBeUndefined()
    const again = lintWithVale(loadValeProject(join(dir, '.vale.ini'), { cache: second, dictionary }), join(dir, 'post.md'), post).map((f) => valeLine(f, post, 'post.md'))
    expect(again).toEqual(fromDisk)
  })

  it('a cache file that is not JSON is started afresh', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bp-vale-cache-')), 'cache.json')
    writeFileSync(file, '{ not json')
    expect(loadValeProject(join(dir, '.vale.ini'), { cache: fileRuleCache(file), dictionary }).problems).toEqual([])
  })
})
