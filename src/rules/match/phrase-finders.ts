import type { ProseRange } from '../../markdown/prose-doc.js'
import type { PhraseIndex, PhraseMatcher } from './phrase-index.js'
import { compileAlternation, scanMatches } from './phrase-pattern.js'
import type { PatternFacts } from './pattern-facts.js'
import { lowerTextOf } from './text-tools.js'

/** Plain phrases go through the word index; regex rules through their (ReDoS-checked) pattern. */
export function phraseMatcher(phrases: readonly string[], options: { isRegex: boolean; ignoreCase: boolean; nonword: boolean }, index: PhraseIndex): PhraseMatcher {
  if (!options.isRegex && !options.nonword) return index.add(phrases, { ignoreCase: options.ignoreCase })
  const pattern = compileAlternation(phrases, options, index.facts)
  // A plain phrase matches across any whitespace, so its longest word is what it must contain.
  const literals = phrases.map((p) => (options.isRegex ? literalTest(p, options.ignoreCase, index.facts) : wordTest(p, options.ignoreCase)))
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
export function literalTest(pattern: string, ignoreCase: boolean, facts: PatternFacts): (range: ProseRange) => boolean {
  const literal = facts.requiredLiteral(pattern, ignoreCase)
  if (!literal) return () => true
  return ignoreCase ? (range) => lowerTextOf(range).includes(literal) : (range) => range.text.includes(literal)
}

/** Exceptions are phrases: a match inside one of them ("just" in "just in time") is not reported. */
export function exceptionFinder(exceptions: readonly string[], phrases: PhraseIndex): (range: ProseRange, start: number, end: number) => boolean {
  if (exceptions.length === 0) return () => false
  const find = phrases.add(exceptions, { ignoreCase: true })
  return (range, start, end) => find(range).some((h) => h.start <= start && end <= h.end)
}
