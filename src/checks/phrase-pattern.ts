import { safeRegex } from 'safe-regex2'

export class PatternError extends Error {}

const ESCAPE = /[.*+?^${}()|[\]\\]/g

/**
 * Compiles one phrase of a rule file into a whole-word regex. A space in a phrase
 * matches any whitespace run, so a phrase wrapped across lines still matches.
 * Regex phrases are refused when they can backtrack catastrophically: no rule may
 * hang the linter on a crafted post.
 */
export function phraseSource(phrase: string, isRegex: boolean): string {
  if (!isRegex) return phrase.trim().replace(ESCAPE, '\\$&').replace(/\s+/g, '\\s+')
  try {
    new RegExp(phrase, 'u')
  } catch (error) {
    throw new PatternError(`cannot compile regular expression /${phrase}/: ${(error as Error).message}`)
  }
  if (!safeRegex(phrase)) {
    throw new PatternError(`regular expression /${phrase}/ can backtrack catastrophically (nested quantifiers); rewrite it`)
  }
  return phrase
}

/** Whole-word alternation of phrases, longest first so "in order to" beats "order". */
export function compileAlternation(phrases: readonly string[], options: { isRegex: boolean; ignoreCase: boolean }): RegExp {
  const sources = [...phrases].sort((a, b) => b.length - a.length).map((p) => `(?:${phraseSource(p, options.isRegex)})`)
  const flags = options.ignoreCase ? 'giu' : 'gu'
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${sources.join('|')})(?![\\p{L}\\p{N}_])`, flags)
}
