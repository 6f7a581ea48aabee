import { escapeRegExp } from '../../core/escape-regexp.js'
import { backtrackingProblem } from '../../guard/regex-safety.js'
import type { PatternFacts } from './pattern-facts.js'

export class PatternError extends Error {
  constructor(message: string, readonly phrase: string) {
    super(message)
  }
}

/**
 * Compiles one phrase of a rule file into a whole-word regex. A space in a phrase
 * matches any whitespace run, so a phrase wrapped across lines still matches.
 * Regex phrases are refused when they can backtrack catastrophically: no rule may
 * hang the linter on a crafted post.
 */
export function phraseSource(phrase: string, isRegex: boolean, facts: PatternFacts): string {
  if (!isRegex) return escapeRegExp(phrase.trim()).replace(/\s+/g, '\\s+')
  try {
    new RegExp(phrase, 'u')
  } catch (error) {
    throw new PatternError(`cannot compile regular expression /${phrase}/: ${(error as Error).message}`, phrase)
  }
  let problem: string | undefined
  const safe = facts.isSafe(phrase, (p) => (problem = backtrackingProblem(p)) === undefined)
  if (!safe) throw new PatternError(`regular expression /${phrase}/ can backtrack catastrophically (${problem}); rewrite it`, phrase)
  return phrase
}

/** An alternation of phrases, and whether its matches must be whole words. */
export interface CompiledPattern {
  readonly re: RegExp
  readonly wholeWords: boolean
}

/** Alternation of phrases, longest first so "in order to" beats "order". */
export function compileAlternation(phrases: readonly string[], options: { isRegex: boolean; ignoreCase: boolean; nonword?: boolean }, facts: PatternFacts): CompiledPattern {
  const sources = [...phrases].sort((a, b) => b.length - a.length).map((p) => `(?:${phraseSource(p, options.isRegex, facts)})`)
  return { re: new RegExp(sources.join('|'), options.ignoreCase ? 'giu' : 'gu'), wholeWords: options.nonword !== true }
}

const WORD_CHAR = /[\p{L}\p{N}_]/u

/**
 * Matches of a pattern in a text. Word boundaries are checked here rather than with
 * lookarounds in the pattern: a pattern that opens with a lookbehind cannot use the
 * regex engine's fast scan for its first character, and prose is long.
 */
export function* scanMatches(pattern: CompiledPattern, text: string): Generator<RegExpExecArray> {
  const { re } = pattern
  re.lastIndex = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length
    if (pattern.wholeWords && (WORD_CHAR.test(text[m.index - 1] ?? '') || WORD_CHAR.test(text[end] ?? ''))) {
      re.lastIndex = m.index + 1
      continue
    }
    yield m
    re.lastIndex = end > m.index ? end : m.index + 1
  }
}
