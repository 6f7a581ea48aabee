import { compileAlternation, phraseSource, scanMatches, type CompiledPattern } from './phrase-pattern.js'
import { PatternFacts } from './pattern-facts.js'
import { rangeMemo } from './range-memo.js'
import { loweredWordsOf, lowerTextOf, wordsOf, type Word } from './text-tools.js'
import type { ProseRange } from '../../markdown/prose-doc.js'

export interface PhraseHit {
  readonly start: number
  readonly end: number
  readonly text: string
}

export type PhraseMatcher = (range: ProseRange) => readonly PhraseHit[]

const NO_HITS: readonly PhraseHit[] = []

const SIMPLE_TOKEN = /^[\p{L}\p{N}][\p{L}\p{N}_'’]*(?:-[\p{L}\p{N}]+)*$/u
const POSSESSIVE = /['’]s$/u

/** One phrase of one matcher, filed under its first word. */
interface Entry {
  readonly matcher: number
  /** Lower case when the matcher ignores case. */
  readonly tokens: readonly string[]
  readonly ignoreCase: boolean
}

interface MatcherInfo {
  readonly ignoreCase: boolean
  /** Phrases that are not plain word sequences ("e.g.", "Node.js"): matched by a regex. */
  readonly fallback: CompiledPattern | undefined
  /** Text one of those phrases must contain; the regex runs only where some is found. */
  readonly fallbackLiterals: readonly string[] | undefined
}

/**
 * Finds whole-word phrases for many matchers (one per rule, say) in ONE walk over a
 * range's words: each word is looked up once in a map keyed by first word, whatever
 * the number of rules and phrases. Each matcher still gets its own leftmost-longest,
 * non-overlapping hits, exactly as if it had scanned the range alone. The walk runs on
 * a range's first request and serves every matcher from then on.
 */
export class PhraseIndex {
  /** Entries by their first word in lower case, whether their matcher ignores case or not: one lookup per word. */
  private readonly byFirstWord = new Map<string, Entry[]>()
  private readonly matchers: MatcherInfo[] = []
  private scanned = false
  // Every matcher's hits for a range, from one walk.
  private readonly hitsOf = rangeMemo('phrase hits', (range) => this.scan(range as ProseRange))

  /** The rule set's pattern facts: every pattern its rules compile is checked and analysed through them. */
  constructor(readonly facts: PatternFacts) {}

  /** Registers a list of phrases; the returned function gives their hits in a range. */
  add(phrases: readonly string[], options: { ignoreCase: boolean }): PhraseMatcher {
    // A range's hits are cached for the matchers it was walked with.
    if (this.scanned) throw new Error('phrases were added to an index already in use')
    const matcher = this.matchers.length
    const complex: string[] = []
    for (const phrase of phrases) {
      const tokens = phrase.trim().split(/\s+/)
      if (!tokens.every((t) => SIMPLE_TOKEN.test(t))) {
        complex.push(phrase)
        continue
      }
      const key = (tokens[0] as string).toLowerCase()
      const list = this.byFirstWord.get(key) ?? []
      list.push({ matcher, tokens: options.ignoreCase ? tokens.map((t) => t.toLowerCase()) : tokens, ignoreCase: options.ignoreCase })
      // Longest first within a matcher, so "in order to" wins over "in order".
      list.sort((a, b) => a.matcher - b.matcher || b.tokens.length - a.tokens.length)
      this.byFirstWord.set(key, list)
    }
    const fallback = complex.length > 0 ? compileAlternation(complex, { isRegex: false, ignoreCase: options.ignoreCase }, this.facts) : undefined
    const literals = complex.map((p) => this.facts.requiredLiteral(phraseSource(p, false, this.facts), options.ignoreCase))
    const fallbackLiterals = literals.every((l) => l !== undefined) ? literals : undefined
    this.matchers.push({ ignoreCase: options.ignoreCase, fallback, fallbackLiterals })
    return (range) => this.hitsOf(range)[matcher] ?? NO_HITS
  }

  private scan(range: ProseRange): (PhraseHit[] | undefined)[] {
    this.scanned = true
    const count = this.matchers.length
    // Most ranges hold no phrase of most matchers: their lists are made on a first hit.
    const hits: (PhraseHit[] | undefined)[] = new Array(count)
    const words = wordsOf(range)
    const lowered = loweredWordsOf(range)
    // Per matcher: the first word a new hit may start at, and the word it last looked at.
    const next = new Int32Array(count)
    const seen = new Int32Array(count).fill(-1)
    const text = range.text
    // `possessiveOf`: entries reached through "Kafka's" -> "Kafka", for matchers that had
    // no phrase starting with the word as written.
    const visit = (entries: readonly Entry[] | undefined, i: number, possessiveOf: boolean): void => {
      if (!entries) return
      const word = (words[i] as Word).word
      for (const { matcher, tokens, ignoreCase } of entries) {
        // A case-sensitive phrase starts only at its first word as spelled.
        if (!ignoreCase && tokens[0] !== (possessiveOf ? word.slice(0, -2) : word)) continue
        if ((next[matcher] as number) > i) continue
        if (!possessiveOf) seen[matcher] = i
        else if (seen[matcher] === i) continue
        const fold = ignoreCase ? lowered : undefined
        if (!matchesAt(words, fold, i, tokens, text)) continue
        const last = words[i + tokens.length - 1] as Word
        const lastWord = fold ? (fold[i + tokens.length - 1] as string) : last.word
        const possessive = lastWord !== tokens[tokens.length - 1] ? last.word.match(POSSESSIVE)?.[0].length ?? 0 : 0
        const start = (words[i] as Word).start
        ;(hits[matcher] ??= []).push({ start, end: last.end - possessive, text: text.slice(start, last.end - possessive) })
        next[matcher] = i + tokens.length
      }
    }
    for (let i = 0; i < words.length; i++) {
      const key = lowered[i] as string
      visit(this.byFirstWord.get(key), i, false)
      if (isPossessive(key)) visit(this.byFirstWord.get(key.slice(0, -2)), i, true)
    }
    this.matchers.forEach((info, matcher) => {
      if (!info.fallback) return
      const haystack = info.ignoreCase ? lowerTextOf(range) : text
      if (info.fallbackLiterals?.some((l) => haystack.includes(l)) === false) return
      addFallbackHits((hits[matcher] ??= []), info.fallback, text)
    })
    return hits
  }
}

/** A matcher of its own, for phrases no other rule shares a walk with. */
export function createPhraseMatcher(phrases: readonly string[], options: { ignoreCase: boolean }): PhraseMatcher {
  return new PhraseIndex(new PatternFacts()).add(phrases, options)
}

function addFallbackHits(hits: PhraseHit[], pattern: CompiledPattern, text: string): void {
  const before = hits.length
  for (const m of scanMatches(pattern, text)) {
    const start = m.index
    const end = start + m[0].length
    let overlaps = false
    for (let h = 0; h < before && !overlaps; h++) overlaps = (hits[h] as PhraseHit).start < end && start < (hits[h] as PhraseHit).end
    if (!overlaps) hits.push({ start, end, text: m[0] })
  }
  if (hits.length > before) hits.sort((a, b) => a.start - b.start)
}

function matchesAt(words: readonly Word[], folded: readonly string[] | undefined, i: number, tokens: readonly string[], text: string): boolean {
  if (i + tokens.length > words.length) return false
  for (let k = 0; k < tokens.length; k++) {
    const want = tokens[k] as string
    const got = folded ? (folded[i + k] as string) : (words[i + k] as Word).word
    if (got !== want && !(k === tokens.length - 1 && isPossessive(got) && got.slice(0, -2) === want)) return false
    if (k > 0 && !onlyWhitespace(text, (words[i + k - 1] as Word).end, (words[i + k] as Word).start)) return false
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
