import { describe, expect, it } from 'vitest'
import { readCommonMisspellings, misspellingsFrom } from '../../src/spelling/common-misspellings.js'
import { correctTypo, type TypoContext } from '../../src/spelling/typo-correction.js'

const table = misspellingsFrom({
  dictionaryDefinitions: [{ name: 'x', suggestWords: ['accomodate->accommodate', 'aas->as, ass', 'wierd->weird', 'liveness->lives', 'reuseing->reusing', 7] }],
})

const known = new Set(['accommodate', 'weird', 'lives', 'reusing'])
const context = (post: Record<string, number> = {}): TypoContext => ({
  isKnown: (w) => known.has(w),
  frequency: (w) => (w === 'wierd' ? 40 : 0),
  jargon: new Set(['reuseing']),
  words: new Set(['liveness']),
  usesInPost: (w) => post[w] ?? 0,
  misspellings: table,
})

describe('common misspellings', () => {
  it('reads wrong->right lines and leaves out misspellings with several corrections', () => {
    expect(table('accomodate')).toBe('accommodate')
    expect(table('aas')).toBeUndefined()
  })

  it('refuses a file that is no cspell dictionary', () => {
    expect(() => misspellingsFrom({ words: [] })).toThrow(/dictionaryDefinitions/)
  })

  it('corrects a listed misspelling more than one typo away, even one people type often', () => {
    expect(correctTypo('accomodate', context())).toBe('accommodate')
    expect(correctTypo('wierd', context())).toBe('weird')
  })

  it('never corrects a listed word that is a real word, jargon, or written so twice in the post', () => {
    expect(correctTypo('liveness', context())).toBeUndefined()
    expect(correctTypo('reuseing', context())).toBeUndefined()
    expect(correctTypo('accomodate', context({ accomodate: 2 }))).toBeUndefined()
  })

  it('ships the maintained list', () => {
    expect(readCommonMisspellings()('existance')).toBe('existence')
  })
})
