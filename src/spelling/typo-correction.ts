import type { WordFrequency } from './word-frequency.js'

/** A word one typo away from the misspelt one, and where the typo is. */
export interface Candidate {
  readonly word: string
  readonly kind: 'deletion' | 'insertion' | 'substitution' | 'transposition'
  /** Index in the misspelt word. */
  readonly at: number
}

/** Dictionary words one typo away: a letter extra, missing or wrong, or two neighbours swapped. */
export function oneEditAway(word: string, isKnown: (w: string) => boolean): Candidate[] {
  const seen = new Set<string>()
  const out: Candidate[] = []
  const consider = (c: string, kind: Candidate['kind'], at: number): void => {
    if (c.length < 2 || c === word || seen.has(c)) return
    seen.add(c)
    if (isKnown(c)) out.push({ word: c, kind, at })
  }
  for (let i = 0; i < word.length; i++) {
    consider(word.slice(0, i) + word.slice(i + 1), 'deletion', i)
    if (i + 1 < word.length) consider(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2), 'transposition', i)
  }
  for (let i = 0; i <= word.length; i++) {
    for (let k = 97; k <= 122; k++) {
      const ch = String.fromCharCode(k)
      consider(word.slice(0, i) + ch + word.slice(i), 'insertion', i)
      if (i < word.length && ch !== word[i]) consider(word.slice(0, i) + ch + word.slice(i + 1), 'substitution', i)
    }
  }
  return out
}

/** A set of lower-case words, as far as a correction needs one. */
export interface WordSet {
  has(word: string): boolean
}

export interface TypoContext {
  readonly isKnown: (w: string) => boolean
  readonly frequency: WordFrequency
  /** Jargon of the field the dictionary lacks, lower case. */
  readonly jargon: WordSet
  /** Every English word, rare ones included, lower case. */
  readonly words: WordSet
  /** How often the post uses a word (lower case), in any case. */
  readonly usesInPost: (w: string) => number
  /** Misspellings people really make, each with its one correction (any number of edits away). */
  readonly misspellings?: (w: string) => string | undefined
}

export interface TypoPolicy {
  /** The commonest candidate must be used this many times more often than the next one. */
  readonly dominance: number
  /** ...and at least this often, so two rare words are never told apart by noise. */
  readonly minCount: number
  /** A misspelt word English speakers use this often is a name or slang, not a typo. */
  readonly maxOwnCount: number
  /**
   * A misspelt word this long whose only neighbour one typo away is a dictionary word
   * needs no more than one use of it in the counts: SUBTLEX counts film subtitles, where
   * "latency" (2) and "framework" (20) are rare, and a single candidate has no rival to
   * be told apart from. A neighbour only the field's jargon list knows ("iptable" /
   * "iptables") is the author's variant of that jargon, not a typo.
   */
  readonly soleCandidateLength: number
}

export const DEFAULT_TYPO_POLICY: TypoPolicy = { dominance: 15, minCount: 50, maxOwnCount: 3, soleCandidateLength: 7 }

/**
 * The one correction a reader would agree on for an unknown lower-case word, or nothing.
 * Never for jargon of the field ("upsert"), rare but real words, words people use
 * (names, British spelling), words the post repeats as written, two words run together,
 * a different first letter (seldom mistyped: "uprobes" is not "probes"), or near words
 * that differ by an ending ("integrations" -> "integration", "writev" -> "writes").
 */
export function correctTypo(word: string, ctx: TypoContext, policy: TypoPolicy = DEFAULT_TYPO_POLICY): string | undefined {
  if (word.length < 5 || ctx.words.has(word) || isJargon(word, ctx.jargon) || ctx.usesInPost(word) > 1) return undefined
  // A listed misspelling needs no search, and may be more than one typo away ("accomodate");
  // that people type it often ("wierd") is why it is listed.
  const listed = ctx.misspellings?.(word)
  if (listed !== undefined && ctx.isKnown(listed) && !isSpellingVariant(word, listed)) return listed
  if (word.length < 6 || ctx.frequency(word) >= policy.maxOwnCount || isCompound(word, ctx.isKnown)) return undefined
  const candidates = oneEditAway(word, (w) => ctx.isKnown(w) || ctx.jargon.has(w))
  const [sole, other] = candidates
  const alone = sole !== undefined && other === undefined && word.length >= policy.soleCandidateLength && ctx.isKnown(sole.word) && ctx.frequency(sole.word) > 0
  const choice = alone ? sole.word : chooseCorrection(candidates.map((c) => c.word), ctx.frequency, ctx.usesInPost, policy)
  const chosen = candidates.find((c) => c.word === choice)
  // A near word of the field ("sdtout" / "stdout") makes a common word a guess.
  const fieldWord = (w: string) => ctx.jargon.has(w) && !ctx.isKnown(w)
  if (chosen && !fieldWord(chosen.word) && candidates.some((c) => fieldWord(c.word))) return undefined
  // Unlikely typos stay in the race, so that they make a likely one ambiguous, but never win.
  if (!chosen || chosen.at === 0 || changesEnding(word, chosen) || isSpellingVariant(word, chosen.word)) return undefined
  return chosen.word
}

/**
 * A candidate the post itself uses at least twice wins when it is the only such one (a
 * post about a "record accessor" that once writes "accesso"); otherwise the commonest
 * candidate must dwarf every other.
 */
export function chooseCorrection(
  candidates: readonly string[],
  frequency: WordFrequency,
  usesInPost: (w: string) => number,
  policy: TypoPolicy = DEFAULT_TYPO_POLICY,
): string | undefined {
  if (candidates.length === 0) return undefined
  const inPost = candidates.filter((c) => usesInPost(c) >= 2)
  if (inPost.length === 1) return inPost[0]
  if (inPost.length > 1) return undefined
  const ranked = candidates.map((c) => ({ c, n: frequency(c) })).sort((a, b) => b.n - a.n)
  const [top, next] = ranked
  if (!top || top.n < policy.minCount) return undefined
  if (next && top.n < policy.dominance * Math.max(next.n, 1)) return undefined
  return top.c
}

function isJargon(word: string, jargon: WordSet): boolean {
  if (jargon.has(word)) return true
  for (const ending of ['s', 'es', 'ed', 'd', 'ing', 'er', 'ers']) {
    if (word.endsWith(ending) && jargon.has(word.slice(0, -ending.length))) return true
  }
  return false
}

/** Two dictionary words run together ("firehose", "runable"), or a coined derivative, are no typo. */
function isCompound(word: string, isKnown: (w: string) => boolean): boolean {
  for (let i = 3; i <= word.length - 3; i++) if (isKnown(word.slice(0, i)) && isKnown(word.slice(i))) return true
  return COINING_SUFFIXES.some((s) => word.endsWith(s) && word.length - s.length >= 3 && isKnown(word.slice(0, -s.length)))
}

/** Suffixes that coin a word from any other ("monthful", "cacheless"). */
const COINING_SUFFIXES = ['ful', 'less', 'ness', 'ish', 'like', 'wise', 'able']

/** An extra last letter, or a different one: an ending the dictionary lacks, seldom a typo. */
function changesEnding(word: string, c: Candidate): boolean {
  if (c.kind === 'deletion' && c.at === word.length - 1) return true
  return c.kind === 'substitution' && c.at === word.length - 1
}

/** British and American spellings of one word ("serialisation", "serialization"). */
function isSpellingVariant(word: string, candidate: string): boolean {
  const american = word.replace(/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1').replace(/ys(e|es|ed|ing)$/, 'yz$1').replace(/our(s|ed|ing|ite|ites|able)?$/, 'or$1')
  return american === candidate || word.replace(/re$/, 'er') === candidate
}

/**
 * "wdith" is two swapped letters of "width", but one letter extra in "with", which is
 * written thousands of times more often: a word one other likely typo away that is far
 * commoner (the policy's dominance) makes the dictionary's one suggestion a guess
 * ("traing" is "training" or "trying", not "taring"; "thaen" is "then", not "thane").
 */
export function unrivalled(word: string, pick: string | undefined, ctx: Pick<TypoContext, 'frequency' | 'isKnown'>, policy: TypoPolicy = DEFAULT_TYPO_POLICY): string | undefined {
  if (pick === undefined) return undefined
  const floor = policy.dominance * Math.max(ctx.frequency(pick), 1)
  // A different first letter is an unlikely typo, unless it is a doubled one ("ttitle").
  const likely = (c: Candidate) => (c.at > 0 || word[0] === word[1]) && !changesEnding(word, c)
  // "talsk" keeps every letter of "talks": the stem "talk" one letter short is no rival.
  const rival = (c: Candidate) => !pick.startsWith(c.word) && likely(c) && ctx.frequency(c.word) >= floor
  return oneEditAway(word, ctx.isKnown).some(rival) ? undefined : pick
}
