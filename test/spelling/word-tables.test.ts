import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { englishWordLines, englishWordsSource, readEnglishWords } from '../../src/spelling/english-words.js'
import { englishFrequencySource, frequencyFrom, readEnglishFrequency } from '../../src/spelling/word-frequency.js'
import { wordTablePath } from '../../src/spelling/word-tables.js'

// With a build, the lists come from dist/'s sorted tables; without one, from the packages.
// Either way the answers are the packages' own.
describe("the word lists as the build stores them", () => {
  it('word frequency: the count the SUBTLEX list gives, for every word of it, in any case, and 0 for others', () => {
    const list = JSON.parse(readFileSync(englishFrequencySource().file, 'utf8')) as { word: string }[]
    const fromList = frequencyFrom(list)
    const frequency = readEnglishFrequency()
    for (const { word } of list) expect(frequency(word), word).toBe(fromList(word))
    for (const word of ['The', 'KUBERNETES', 'zzzzqx', '', 'a\tb', 'a\nb', '__proto__', 'constructor']) expect(frequency(word), word).toBe(fromList(word))
    expect(frequency('the')).toBeGreaterThan(1_000_000)
  })

  it('English words: every line of words.txt is a word, and its neighbours that are not lines are not', () => {
    const lines = englishWordLines(readFileSync(englishWordsSource().file, 'utf8'))
    const words = readEnglishWords()
    let i = 0
    for (const line of lines) {
      if (i++ % 7 !== 0) continue
      expect(words.has(line), line).toBe(true)
      for (const near of [`${line}q`, line.slice(1), line.toUpperCase()]) expect(words.has(near), near).toBe(lines.has(near))
    }
  })

  it('names a table by the list it was built from', () => {
    const path = wordTablePath(englishWordsSource())
    expect(path).toMatch(/english-words-[0-9a-f]{16}\.txt$/)
    if (existsSync(path)) expect(readFileSync(path, 'utf8').startsWith('\n')).toBe(true)
  })
})
