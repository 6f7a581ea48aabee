import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCommonMisspellings } from '../../src/spelling/common-misspellings.js'
import { readEnglishWords } from '../../src/spelling/english-words.js'
import { indexKeys, lineSpans } from '../../src/spelling/sorted-keys.js'

const require = createRequire(import.meta.url)

/** Every `step`th line, near misses of some of them, and keys that cannot be lines. */
function probes(lines: readonly string[], step: number): string[] {
  const picked = lines.filter((_, i) => i % step === 0)
  const near = picked.filter((_, i) => i % 3 === 0).flatMap((w) => [`${w}x`, w.slice(1), w.slice(0, -1)])
  return [...picked, ...near, '', 'a\nb', 'zzzzzzzz']
}

describe('indexKeys', () => {
  it('finds the first occurrence of a key whatever the order of the spans', () => {
    const text = 'b\na\nc\nb\nd\na\n'
    const find = indexKeys(text, lineSpans(text))
    expect(['a', 'b', 'c', 'd', 'e', ''].map(find)).toEqual([2, 0, 4, 8, undefined, undefined])
  })

  it('agrees with a scan of the text on every line of a shuffled list', () => {
    const words = Array.from({ length: 400 }, (_, i) => `w${(i * 7919) % 401}`)
    const text = `${words.join('\n')}\n`
    const find = indexKeys(text, lineSpans(text))
    for (const w of probes(words, 1)) expect(find(w) !== undefined).toBe(!w.includes('\n') && `\n${text}`.includes(`\n${w}\n`))
  })
})

describe('the bundled word lists, searched by binary search', () => {
  it('English words: the answer of a scan of words.txt, on words and near misses spread over the list', () => {
    const text = `\n${readFileSync(join(dirname(require.resolve('word-list')), 'words.txt'), 'utf8')}\n`
    const lines = text.slice(1, -1).split('\n')
    const words = readEnglishWords()
    // A scan per word is slow: a sample spread over the list.
    for (const w of probes(lines, 2999)) expect(words.has(w), w).toBe(!w.includes('\n') && text.includes(`\n${w}\n`))
    // The entries out of order are found too.
    expect(words.has('manlily') && words.has('manlihood') && words.has('sharrows') && words.has('sharrowed')).toBe(true)
  })

  it('common misspellings: the entry a scan of the file finds first, on entries spread over the file', () => {
    const dir = dirname(require.resolve('@cspell/dict-en-common-misspellings/cspell-ext.json'))
    const text = readFileSync(join(dir, 'dict', 'dict-en.json'), 'utf8')
    const from = text.indexOf('"suggestWords"')
    const keys = [...text.slice(from).matchAll(/"([^"\n]*?)->/g)].map((m) => m[1] as string)
    const table = readCommonMisspellings()
    const scan = (word: string): string | undefined => {
      const at = text.indexOf(`"${word}->`, from)
      if (at < 0) return undefined
      const line = text.slice(at + 1, text.indexOf('"', at + 1))
      const right = line.slice(line.indexOf('->') + 2).trim()
      return right === '' || right.includes(',') ? undefined : right
    }
    for (const w of probes(keys, 997)) {
      if (/^[\p{Ll}'’-]+$/u.test(w)) expect(table(w), w).toBe(scan(w))
    }
  })
})
