import type { ProseRange } from '../../markdown/prose-doc.js'
import { PLACEHOLDER } from '../../markdown/align-text.js'
import { rangeMemo } from './range-memo.js'

const OPENERS = new Set([' ', '\t', '\n', '\r', '"', "'", '“', '‘', '(', '[', '*', '_'])

/** True when the word at `index` opens a sentence, a block, or follows a colon. */
export function isSentenceStart(text: string, index: number): boolean {
  let i = index - 1
  while (i >= 0 && OPENERS.has(text[i] as string)) i--
  if (i < 0) return true
  const c = text[i] as string
  return c === '.' || c === '!' || c === '?' || c === ':' || c === '…'
}

/** Keeps the case pattern of `matched` on `replacement` (Utilize -> Use, UTILIZE -> USE). */
export function preserveCase(matched: string, replacement: string): string {
  if (replacement === '') return replacement
  const letters = matched.replace(/[^\p{L}]/gu, '')
  if (letters.length > 1 && letters === letters.toUpperCase() && replacement !== replacement.toUpperCase()) {
    return replacement.toUpperCase()
  }
  const first = matched.match(/\p{L}/u)?.[0]
  if (first && first === first.toUpperCase() && first !== first.toLowerCase()) {
    return capitalize(replacement)
  }
  return replacement
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

export function lowerFirst(word: string): string {
  return word.charAt(0).toLowerCase() + word.slice(1)
}

export function hasPlaceholder(text: string): boolean {
  return text.includes(PLACEHOLDER)
}

export interface Word {
  readonly word: string
  readonly start: number
  readonly end: number
}

/**
 * Words with their offsets, placeholders excluded: the matches of
 * /[\p{L}\p{N}][\p{L}\p{N}_'’]*(?:-[\p{L}\p{N}]+)*\/u, found by a hand-written scanner
 * because every post's every word passes through here and the regex iterator allocates.
 */
export function words(text: string): Word[] {
  const out: Word[] = []
  const n = text.length
  let i = 0
  while (i < n) {
    let step = alnumAt(text, i)
    if (step === 0) {
      i++
      continue
    }
    const start = i
    i += step
    for (;;) {
      step = alnumAt(text, i)
      if (step > 0) i += step
      else if (isInnerMark(text.charCodeAt(i))) i++
      else break
    }
    while (text.charCodeAt(i) === 45 && alnumAt(text, i + 1) > 0) {
      i++
      while ((step = alnumAt(text, i)) > 0) i += step
    }
    out.push({ word: text.slice(start, i), start, end: i })
  }
  return out
}

const ALNUM = /^[\p{L}\p{N}]$/u
/** Per BMP code unit: 0 not yet known, 1 letter or number, 2 neither. */
const alnumBmp = new Uint8Array(0x10000)

/** Code units taken by the letter or number at `i` (2 for an astral one), or 0. */
function alnumAt(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0
  if (c !== c) return 0 // NaN: past the end
  if (c >= 0xd800 && c <= 0xdbff) return ALNUM.test(String.fromCodePoint(text.codePointAt(i) as number)) ? 2 : 0
  let known = alnumBmp[c] as number
  if (known === 0) {
    known = ALNUM.test(String.fromCharCode(c)) ? 1 : 2
    alnumBmp[c] = known
  }
  return known === 1 ? 1 : 0
}

/** _ ' ’ : allowed inside a word after its first character. */
function isInnerMark(c: number): boolean {
  return c === 95 || c === 39 || c === 0x2019
}

/** The words of a prose range, split once and shared by every rule. */
export const wordsOf = rangeMemo('words', (range) => words(range.text))

/** The lower-cased words of a prose range, shared by every rule that compares words. */
export const loweredWordsOf = rangeMemo('lowered words', (range) => wordsOf(range).map((w) => w.word.toLowerCase()))

/** A prose range's text in lower case, made once and shared by every case-insensitive rule. */
export const lowerTextOf = rangeMemo('lower-case text', (range) => range.text.toLowerCase())

/** Whether a text offset of a range lies in bold text (a UI label, a lead-in), whose words are no prose to correct. */
const CLOSING_QUOTE: Readonly<Record<string, string>> = { '“': '”', '"': '"', '‘': '’', "'": "'" }

/** Whether `closing` closes the quotation `opening` opens ("“…”", "'…'"). */
export function closesQuote(opening: string | undefined, closing: string | undefined): boolean {
  return opening !== undefined && closing !== undefined && CLOSING_QUOTE[opening] === closing
}

export function inStrong(range: Pick<ProseRange, 'strong'>, offset: number): boolean {
  return (range.strong ?? []).some(([s, e]) => offset >= s && offset < e)
}
