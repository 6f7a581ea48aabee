import { safeRegex } from 'safe-regex2'
import type { PatternFacts } from './pattern-facts.js'

export class PatternError extends Error {}

const ESCAPE = /[.*+?^${}()|[\]\\]/g

/**
 * Compiles one phrase of a rule file into a whole-word regex. A space in a phrase
 * matches any whitespace run, so a phrase wrapped across lines still matches.
 * Regex phrases are refused when they can backtrack catastrophically: no rule may
 * hang the linter on a crafted post.
 */
export function phraseSource(phrase: string, isRegex: boolean, facts: PatternFacts): string {
  if (!isRegex) return phrase.trim().replace(ESCAPE, '\\$&').replace(/\s+/g, '\\s+')
  try {
    new RegExp(phrase, 'u')
  } catch (error) {
    throw new PatternError(`cannot compile regular expression /${phrase}/: ${(error as Error).message}`)
  }
  if (!facts.isSafe(phrase, isSafe)) throw new PatternError(`regular expression /${phrase}/ can backtrack catastrophically (nested quantifiers); rewrite it`)
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

/**
 * safe-regex2 measures star height but cannot parse lookarounds, so each lookaround
 * body is checked on its own and the pattern without them separately.
 */
function isSafe(pattern: string): boolean {
  const { rest, bodies } = splitLookarounds(pattern)
  return [rest, ...bodies].every((p) => p === '' || safeRegex(p))
}

function splitLookarounds(pattern: string): { rest: string; bodies: string[] } {
  const bodies: string[] = []
  let rest = ''
  let i = 0
  while (i < pattern.length) {
    const opener = /^\(\?<?[=!]/.exec(pattern.slice(i))
    if (!opener) {
      const step = pattern[i] === '\\' ? 2 : 1
      rest += pattern.slice(i, i + step)
      i += step
      continue
    }
    const end = closingParen(pattern, i)
    const inner = splitLookarounds(pattern.slice(i + opener[0].length, end))
    bodies.push(inner.rest, ...inner.bodies)
    i = end + 1
  }
  return { rest, bodies }
}

/** Index of the parenthesis closing the group opened at `open`, skipping escapes and classes. */
function closingParen(pattern: string, open: number): number {
  let depth = 0
  let inClass = false
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '\\') i++
    else if (inClass) inClass = c !== ']'
    else if (c === '[') inClass = true
    else if (c === '(') depth++
    else if (c === ')' && --depth === 0) return i
  }
  return pattern.length
}
