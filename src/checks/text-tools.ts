import { PLACEHOLDER } from '../markdown/align-text.js'

export const WORD = /[\p{L}\p{N}][\p{L}\p{N}_'’]*(?:-[\p{L}\p{N}]+)*/gu

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

/** Words with their offsets, placeholders excluded. */
export function words(text: string): Word[] {
  const out: Word[] = []
  for (const m of text.matchAll(WORD)) out.push({ word: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length })
  return out
}

const wordCache = new WeakMap<object, Word[]>()

/** The words of a prose range, split once and shared by every rule. */
export function wordsOf(range: { readonly text: string }): Word[] {
  let list = wordCache.get(range)
  if (!list) {
    list = words(range.text)
    wordCache.set(range, list)
  }
  return list
}

const lowerCache = new WeakMap<object, string[]>()

/** The lower-cased words of a prose range, shared by every rule that compares words. */
export function loweredWordsOf(range: { readonly text: string }): string[] {
  let list = lowerCache.get(range)
  if (!list) {
    list = wordsOf(range).map((w) => w.word.toLowerCase())
    lowerCache.set(range, list)
  }
  return list
}

const lowerTextCache = new WeakMap<object, string>()

/** A prose range's text in lower case, made once and shared by every case-insensitive rule. */
export function lowerTextOf(range: { readonly text: string }): string {
  let text = lowerTextCache.get(range)
  if (text === undefined) {
    text = range.text.toLowerCase()
    lowerTextCache.set(range, text)
  }
  return text
}
