import type { ProseRange } from '../../markdown/prose-doc.js'
import type { Dictionary } from '../../spelling/dictionary.js'
import type { WordChecker } from '../../spelling/hunspell.js'
import { correctTypo, unrivalled, type TypoContext } from '../../spelling/typo-correction.js'
import { scopeFields, wordList } from '../kinds/common-fields.js'
import { defineCheck, overRanges, type KindOptions, type RangeChecker } from '../kinds/kind.js'

const options = {
  ...scopeFields,
  accept: wordList('Words accepted as spelled.'),
}
import { wordsOf, type Word } from '../match/text-tools.js'
import type { RuleMatch } from '../rule-match.js'

export interface SpellingContext {
  readonly termWords: ReadonlySet<string>
  readonly accept: readonly string[]
  readonly dictionary: Dictionary
}

const LOWER_WORD = /^\p{Ll}+(?:['’]\p{Ll}+)?(?:-\p{Ll}+)*$/u

/**
 * Misspelt lower-case words, corrected only when the correction is unambiguous. Names,
 * acronyms, CamelCase identifiers, terms, accepted words and anything glued to a path,
 * URL or identifier are left alone: a spelling rule that flags jargon gets switched off.
 */
export function spelling(rule: KindOptions<typeof options>, context: SpellingContext): RangeChecker {
  const accepted = new Set([...(rule.accept ?? []), ...context.accept, ...context.termWords].map((w) => w.toLowerCase()))
  return (ranges) => {
    const checker = context.dictionary.checker()
    const out: RuleMatch[] = []
    let typos: PostTypos | undefined
    const typoContext = (): PostTypos => {
      typos ??= postTypoContext(ranges, context.dictionary, accepted)
      return typos
    }
    for (const range of ranges) {
      for (const w of wordsOf(range)) {
        // Only hyphenated words and words of five letters or more can be reported (see check).
        if (w.end - w.start < 5 && !w.word.includes('-')) continue
        const word = lowerCaseWord(range.text, w)
        if (word !== undefined) check(range, word, w.start, { checker, accepted, out, typos: typoContext })
      }
    }
    return out
  }
}

/**
 * The word if it is all lower case and stands alone: not glued to a path, URL, mention
 * or identifier ("config.yaml", "@user", "#tag", "foo_bar"). A trailing apostrophe
 * ("users'") is not part of it.
 */
function lowerCaseWord(text: string, w: Word): string | undefined {
  let end = w.end
  while (end > w.start && (text[end - 1] === "'" || text[end - 1] === '’')) end--
  const word = end === w.end ? w.word : w.word.slice(0, end - w.start)
  // "lookin’", "nothin'": a dropped g, written so on purpose.
  if (end !== w.end && word.endsWith('in')) return undefined
  if (!isLowerCaseWord(word) || GLUE_BEFORE.has(text[w.start - 1] ?? '')) return undefined
  const after = text[end] ?? ''
  if (GLUE_AFTER.has(after) || ((after === '.' || after === '-') && /[\p{L}\p{N}]/u.test(text[end + 1] ?? ''))) return undefined
  return word
}

/** LOWER_WORD.test, with a plain loop for the all-ASCII words that make up most prose. */
function isLowerCaseWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i)
    if (c >= 97 && c <= 122) continue
    if (c >= 128 || c === 39 || c === 45) return LOWER_WORD.test(word)
    return false
  }
  return true
}

const GLUE_BEFORE = new Set(['_', '.', '@', '/', '#', '-'])
const GLUE_AFTER = new Set(['_', '@', '/', '#'])

interface Check {
  readonly checker: WordChecker
  readonly accepted: ReadonlySet<string>
  readonly out: RuleMatch[]
  readonly typos: () => PostTypos
}

type PostTypos = TypoContext & { readonly skip: ReadonlySet<ProseRange> }

/**
 * What a typo correction weighs, made once per post on its first unknown word: how often
 * the post uses each word, and the ranges that read as lists of names or identifiers
 * (three unknown words or more, or under three words) where no word is corrected.
 */
function postTypoContext(ranges: readonly ProseRange[], dictionary: Dictionary, accepted: ReadonlySet<string>): PostTypos {
  const checker = dictionary.checker()
  const uses = new Map<string, number>()
  const skip = new Set<ProseRange>()
  for (const range of ranges) {
    const all = wordsOf(range)
    let unknown = 0
    for (const w of all) {
      const lower = w.word.toLowerCase()
      uses.set(lower, (uses.get(lower) ?? 0) + 1)
      if (w.word === lower && !accepted.has(lower) && !checker.isKnown(w.word)) unknown++
    }
    if (unknown >= 3 || all.length < 3) skip.add(range)
  }
  const jargon = dictionary.jargon()
  return {
    isKnown: (w) => checker.isKnown(w),
    frequency: dictionary.frequency(),
    jargon: { has: (w) => jargon.has(w) || accepted.has(w) },
    words: dictionary.words(),
    usesInPost: (w) => uses.get(w) ?? 0,
    misspellings: (w) => dictionary.misspellings()(w),
    skip,
  }
}

function check(range: ProseRange, word: string, start: number, c: Check): void {
  if (c.accepted.has(word) || c.checker.isKnown(word)) return
  const end = start + word.length
  if (word.includes('-')) {
    // "peta-byte": a hyphen splitting one dictionary word.
    const joined = word.replace(/-/g, '')
    const parts = word.split('-')
    // "pre-sorted", "re-enable", "co-located": a hyphen after a prefix is an accepted spelling.
    const prefix = (parts[0] ?? '').toLowerCase()
    if (HYPHEN_PREFIXES.has(prefix)) {
      if (closesUp(parts, joined, c)) c.out.push({ range, start, end, replacement: joined })
      return
    }
    if (parts.some((p) => !c.checker.isKnown(p) && !c.accepted.has(p)) && c.checker.isKnown(joined)) {
      c.out.push({ range, start, end, replacement: joined })
    }
    return
  }
  if (word.length < 4 || word.includes("'") || word.includes('’')) return
  // "metas", "configs": the plural of a word the dictionary knows is jargon it lacks, not a typo of "meats".
  if (/[^s]s$/.test(word) && c.checker.isKnown(word.slice(0, -1))) return
  const fix = unrivalled(word, unambiguous(word, c.checker.corrections(word)), c.typos()) ?? typoFix(range, word, c.typos())
  if (fix) c.out.push({ range, start, end, replacement: fix })
}

function typoFix(range: ProseRange, word: string, ctx: PostTypos): string | undefined {
  return ctx.skip.has(range) ? undefined : correctTypo(word, ctx)
}

/**
 * Only the likeliest typos are corrected: two swapped letters ("recieve"), or a letter
 * doubled or not ("occured", "untill"), with a single candidate. Other near words
 * ("scalable" -> "salable") are jargon the dictionary lacks far more often than typos,
 * and a doubled "l" is British spelling ("modelled"), not a mistake.
 */
function unambiguous(word: string, candidates: readonly string[]): string | undefined {
  if (word.length < 5) return undefined
  const likely = candidates.filter((c) => (c.length === word.length ? isTransposition(word, c) : isDoubling(word, c)))
  return likely.length === 1 ? likely[0] : undefined
}

function isTransposition(a: string, b: string): boolean {
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]))
  const ok = diff.length === 2 && (diff[1] as number) - (diff[0] as number) === 1 && a[diff[0] as number] === b[diff[1] as number] && a[diff[1] as number] === b[diff[0] as number]
  // "centres" -> "centers", "metre" -> "meter": British spelling, not two swapped letters.
  return ok && a.slice(diff[0], (diff[0] as number) + 2) !== 're'
}

/**
 * "pre-defined" where the post also writes "predefined": a hyphen after a prefix is an
 * accepted spelling (judges split on "pre-sorted" and "pre-packaged"), but one post
 * spelling the word two ways is a slip whichever way the blog prefers, so the post's
 * own closed spelling wins. A capital or a number after the hyphen ("pre-1.0") stays.
 */
function closesUp(parts: readonly string[], joined: string, c: Check): boolean {
  return parts.length === 2 && /^[a-z]{3,}$/.test(parts[1] ?? '') && c.checker.isKnown(joined.toLowerCase()) && c.typos().usesInPost(joined.toLowerCase()) > 0
}

const HYPHEN_PREFIXES = new Set(['pre', 're', 'co', 'non', 'multi', 'sub', 'post', 'semi', 'anti', 'inter', 'intra', 'de', 'un', 'mis', 'over', 'under', 'out', 'self', 'cross', 'counter', 'whole'])

function isDoubling(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a]
  if (long.length !== short.length + 1) return false
  for (let i = 2; i < long.length; i++) {
    // A doubled "l" is British ("modelled"); so is a single "o" where American doubles it ("behove").
    const british = long[i] === 'l' || (long[i] === 'o' && short === a)
    if (long[i] === long[i - 1] && !british && long.slice(0, i) + long.slice(i + 1) === short) return true
  }
  return false
}

export const spellingCheck = defineCheck({
  name: 'spelling',
  summary: 'unambiguous typos and split words',
  options,
  compile: (rule, env) => overRanges(env, spelling(rule, { termWords: env.termWords, accept: env.accept, dictionary: env.dictionary })),
})
