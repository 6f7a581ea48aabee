import { compileAlternation, scanMatches } from './phrase-pattern.js'
import { loweredWordsOf, wordsOf, type Word } from './text-tools.js'
import type { ProseRange } from '../markdown/prose-ranges.js'

export interface PhraseHit {
  readonly start: number
  readonly end: number
  readonly text: string
}

const SIMPLE_TOKEN = /^[\p{L}\p{N}][\p{L}\p{N}_'’]*(?:-[\p{L}\p{N}]+)*$/u
const POSSESSIVE = /['’]s$/u

/**
 * Finds whole-word phrases by walking the words of a range once and looking each up
 * in a map keyed by first word: many times faster than one big case-insensitive
 * Unicode alternation. Phrases that are not plain word sequences ("e.g.", "Node.js")
 * fall back to a regex. Leftmost-longest, non-overlapping, like the regex would be.
 */
export function createPhraseMatcher(phrases: readonly string[], options: { ignoreCase: boolean }): (range: ProseRange) => PhraseHit[] {
  const fold = (s: string): string => (options.ignoreCase ? s.toLowerCase() : s)
  const byFirst = new Map<string, string[][]>()
  const complex: string[] = []
  for (const phrase of phrases) {
    const tokens = phrase.trim().split(/\s+/)
    if (!tokens.every((t) => SIMPLE_TOKEN.test(t))) {
      complex.push(phrase)
      continue
    }
    const folded = tokens.map(fold)
    const list = byFirst.get(folded[0] as string) ?? []
    list.push(folded)
    byFirst.set(folded[0] as string, list)
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length)
  const fallback = complex.length > 0 ? compileAlternation(complex, { isRegex: false, ignoreCase: options.ignoreCase }) : undefined

  // Possessive forms too: "Kafka's" starts the phrase "Kafka".
  const lookupKeys = [...byFirst.keys()].flatMap((k) => [k, `${k}'s`, `${k}’s`])
  return (range) => {
    const hits: PhraseHit[] = []
    const text = range.text
    const words = wordsOf(range)
    const lowered = options.ignoreCase ? loweredWordsOf(range) : undefined
    const foldAt = (i: number): string => lowered?.[i] ?? (words[i] as Word).word
    // Long ranges: visit only the positions where a phrase can start, through the range's
    // word index. Short ones: walking the words is cheaper than asking for every phrase.
    let starts: number[] | undefined
    if (words.length > lookupKeys.length) {
      const index = wordIndexOf(range, options.ignoreCase)
      starts = lookupKeys.flatMap((key) => index.get(key) ?? [])
      starts.sort((a, b) => a - b)
    }
    let next = 0
    const count = starts ? starts.length : words.length
    for (let n = 0; n < count; n++) {
      const i = starts ? (starts[n] as number) : n
      if (i < next) continue
      const word = words[i] as Word
      const folded = foldAt(i)
      const candidates = byFirst.get(folded) ?? (isPossessive(folded) ? byFirst.get(folded.slice(0, -2)) : undefined)
      if (!candidates) continue
      const found = candidates.find((tokens) => matchesAt(words, i, tokens, text, foldAt))
      if (!found) continue
      const last = words[i + found.length - 1] as Word
      const possessive = foldAt(i + found.length - 1) !== found[found.length - 1] ? last.word.match(POSSESSIVE)?.[0].length ?? 0 : 0
      hits.push({ start: word.start, end: last.end - possessive, text: text.slice(word.start, last.end - possessive) })
      next = i + found.length
    }
    if (fallback) {
      for (const m of scanMatches(fallback, text)) {
        const start = m.index
        if (!hits.some((h) => h.start < start + m[0].length && start < h.end)) hits.push({ start, end: start + m[0].length, text: m[0] })
      }
      hits.sort((a, b) => a.start - b.start)
    }
    return hits
  }
}

function matchesAt(words: readonly Word[], i: number, tokens: readonly string[], text: string, foldAt: (i: number) => string): boolean {
  for (let k = 0; k < tokens.length; k++) {
    const w = words[i + k]
    if (!w) return false
    const want = tokens[k] as string
    const got = foldAt(i + k)
    const isLast = k === tokens.length - 1
    if (got !== want && !(isLast && got.replace(POSSESSIVE, '') === want)) return false
    if (k > 0 && !onlyWhitespace(text, (words[i + k - 1] as Word).end, w.start)) return false
  }
  return true
}

function onlyWhitespace(text: string, from: number, to: number): boolean {
  if (from >= to) return false
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13) return false
  }
  return true
}

function isPossessive(word: string): boolean {
  const n = word.length
  return n > 2 && word.charCodeAt(n - 1) === 115 && (word.charCodeAt(n - 2) === 39 || word.charCodeAt(n - 2) === 0x2019)
}

const exactIndex = new WeakMap<object, Map<string, number[]>>()
const foldedIndex = new WeakMap<object, Map<string, number[]>>()

/** Word -> positions in a range, built once per range and shared by every phrase rule. */
function wordIndexOf(range: ProseRange, ignoreCase: boolean): Map<string, number[]> {
  const cache = ignoreCase ? foldedIndex : exactIndex
  let index = cache.get(range)
  if (!index) {
    index = new Map()
    const list = ignoreCase ? loweredWordsOf(range) : wordsOf(range).map((w) => w.word)
    list.forEach((w, i) => {
      const at = index?.get(w)
      if (at) at.push(i)
      else index?.set(w, [i])
    })
    cache.set(range, index)
  }
  return index
}
