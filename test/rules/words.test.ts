import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { words } from '../../src/rules/match/text-tools.js'

// The definition the hand-written scanner must keep.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}_'’]*(?:-[\p{L}\p{N}]+)*/gu
const byRegex = (text: string) => [...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }))

describe('words', () => {
  it('finds what the word regex finds, on hyphens, apostrophes, placeholders and astral letters', () => {
    for (const text of ["foo-bar's x", 'a--b x- -y a-b-c-', 'it’s don\'t_ café-au-lait2', '\uFFFCword\uFFFC 1.5x e.g.', '𝒜bc-𝒟e 日本語 ÄÖü_ß']) {
      expect(words(text)).toEqual(byRegex(text))
    }
  })

  it('agrees with the regex on arbitrary text', () => {
    const alphabet = fc.constantFrom(...'aZ9_-\'’ .,\n\uFFFCé日𝒜'.split(/(?:)/u))
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: alphabet, maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 })), (text) => {
        expect(words(text)).toEqual(byRegex(text))
      }),
      { numRuns: 2000 },
    )
  })
})
