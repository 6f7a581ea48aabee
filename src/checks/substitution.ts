import type { RuleFile } from '../config/rule-file.js'
import type { ProseRange } from '../markdown/prose-ranges.js'
import { type PhraseHit, type PhraseIndex, type PhraseMatcher } from './phrase-index.js'
import { compileAlternation, scanMatches } from './phrase-pattern.js'
import { requiredLiteral } from './required-literal.js'
import { hasPlaceholder, isSentenceStart, lowerTextOf, preserveCase } from './text-tools.js'
import type { RuleMatch } from './types.js'

export type RangeChecker = (ranges: readonly ProseRange[]) => RuleMatch[]

const normalise = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim()

/** phrase -> replacement, whole words, keeping the matched text's case. Regex rules may use $1..$9. */
export function substitution(rule: RuleFile, phrases: PhraseIndex): RangeChecker {
  const swap = rule.swap ?? {}
  const ignoreCase = rule.ignorecase !== false
  const isException = exceptionFinder(rule.exceptions ?? [], phrases)
  const find = rule.regex === true ? regexSwaps(swap, { ignoreCase, nonword: rule.nonword === true }) : plainSwaps(swap, ignoreCase, phrases)
  return (ranges) => {
    const out: RuleMatch[] = []
    for (const range of ranges) {
      for (const { start, end, text, to } of find(range)) {
        if (hasPlaceholder(text) || isException(range, start, end)) continue
        out.push({ range, start, end, replacement: rule.regex === true ? to : preserveCase(text, to) })
      }
    }
    return out
  }
}

type SwapHit = PhraseHit & { readonly to: string }

function plainSwaps(swap: Readonly<Record<string, string>>, ignoreCase: boolean, phrases: PhraseIndex): (range: ProseRange) => SwapHit[] {
  const find = phrases.add(Object.keys(swap), { ignoreCase })
  const byPhrase = new Map(Object.entries(swap).map(([k, v]) => [normalise(k), v]))
  return (range) => find(range).flatMap((hit) => {
    const to = byPhrase.get(normalise(hit.text))
    return to === undefined ? [] : [{ ...hit, to }]
  })
}

/** Each pattern runs on its own so its groups can fill the replacement; earlier matches win overlaps. */
function regexSwaps(swap: Readonly<Record<string, string>>, options: { ignoreCase: boolean; nonword: boolean }): (range: ProseRange) => SwapHit[] {
  const rules = Object.entries(swap).map(([pattern, to]) => ({ re: compileAlternation([pattern], { isRegex: true, ...options }), to, literal: literalTest(pattern, options.ignoreCase) }))
  return (range) => {
    const hits: SwapHit[] = []
    for (const { re, to, literal } of rules) {
      if (!literal(range)) continue
      for (const m of scanMatches(re, range.text)) {
        const start = m.index
        const end = start + m[0].length
        if (hits.some((h) => h.start < end && start < h.end)) continue
        hits.push({ start, end, text: m[0], to: expand(to, m) })
      }
    }
    return hits.sort((a, b) => a.start - b.start)
  }
}

/** Phrases to flag: message only, or replaced by `replacement`, or removed. */
export function existence(rule: RuleFile, phrases: PhraseIndex): RangeChecker {
  const find = matcher(rule.tokens ?? [], { isRegex: rule.regex === true, ignoreCase: rule.ignorecase !== false, nonword: rule.nonword === true }, phrases)
  const isException = exceptionFinder(rule.exceptions ?? [], phrases)
  return (ranges) => {
    const out: RuleMatch[] = []
    for (const range of ranges) {
      for (const hit of find(range)) {
        const matched = hit.text
        let start = hit.start
        let end = hit.end
        if (hasPlaceholder(matched) || isException(range, start, end)) continue
        if (rule.remove) {
          // Take one adjoining space with the token so no double space is left behind,
          // and hand a sentence's capital letter on to the next word ("Simply run" -> "Run").
          const next = /^ +(\p{Ll})/u.exec(range.text.slice(end))
          if (next && isSentenceStart(range.text, start) && /^\p{Lu}/u.test(matched)) {
            end += next[0].length
            out.push({ range, start, end, replacement: (next[1] as string).toUpperCase() })
            continue
          }
          if (range.text[end] === ' ') end++
          else if (range.text[start - 1] === ' ') start--
          out.push({ range, start, end, replacement: '' })
        } else if (rule.replacement !== undefined) {
          out.push({ range, start, end, replacement: preserveCase(matched, rule.replacement) })
        } else {
          out.push({ range, start, end })
        }
      }
    }
    return out
  }
}

/** Plain phrases go through the word index; regex rules through their (ReDoS-checked) pattern. */
function matcher(phrases: readonly string[], options: { isRegex: boolean; ignoreCase: boolean; nonword: boolean }, index: PhraseIndex): PhraseMatcher {
  if (!options.isRegex && !options.nonword) return index.add(phrases, { ignoreCase: options.ignoreCase })
  const pattern = compileAlternation(phrases, options)
  // A plain phrase matches across any whitespace, so its longest word is what it must contain.
  const literals = phrases.map((p) => (options.isRegex ? literalTest(p, options.ignoreCase) : wordTest(p, options.ignoreCase)))
  return (range) => {
    if (!literals.some((test) => test(range))) return []
    return [...scanMatches(pattern, range.text)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }))
  }
}

function wordTest(phrase: string, ignoreCase: boolean): (range: ProseRange) => boolean {
  const word = phrase.split(/\s+/).sort((a, b) => b.length - a.length)[0] ?? ''
  const wanted = ignoreCase ? word.toLowerCase() : word
  return ignoreCase ? (range) => lowerTextOf(range).includes(wanted) : (range) => range.text.includes(wanted)
}

/** A cheap necessary condition for a pattern to match a text (always true when none is known). */
function literalTest(pattern: string, ignoreCase: boolean): (range: ProseRange) => boolean {
  const literal = requiredLiteral(pattern, ignoreCase)
  if (!literal) return () => true
  return ignoreCase ? (range) => lowerTextOf(range).includes(literal) : (range) => range.text.includes(literal)
}

/** Exceptions are phrases: a match inside one of them ("just" in "just in time") is not reported. */
function exceptionFinder(exceptions: readonly string[], phrases: PhraseIndex): (range: ProseRange, start: number, end: number) => boolean {
  if (exceptions.length === 0) return () => false
  const find = phrases.add(exceptions, { ignoreCase: true })
  return (range, start, end) => find(range).some((h) => h.start <= start && end <= h.end)
}

/**
 * Fills $1..$9 and $& from the match. `\\l$1` lowers the group's first letter, for a
 * sentence's first words moved mid-sentence, unless it looks like a name (BigQueryIO, SQL).
 */
function expand(template: string, m: RegExpMatchArray): string {
  return template.replace(/(\\l)?\$(\d|&)/g, (_, lower: string | undefined, g: string) => {
    const value = g === '&' ? m[0] : m[Number(g)] ?? ''
    if (!lower || /^\p{Lu}[^\s]*\p{Lu}/u.test(value)) return value
    return value.charAt(0).toLowerCase() + value.slice(1)
  })
}
