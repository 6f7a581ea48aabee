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
  if (!isSafe(phrase)) {
    throw new PatternError(`regular expression /${phrase}/ can backtrack catastrophically (nested quantifiers); rewrite it`)
  }
  return phrase
}

/** An alternation of phrases, and whether its matches must be whole words. */
export interface CompiledPattern {
  readonly re: RegExp
  readonly wholeWords: boolean
}

/** Alternation of phrases, longest first so "in order to" beats "order". */
export function compileAlternation(phrases: readonly string[], options: { isRegex: boolean; ignoreCase: boolean; nonword?: boolean }): CompiledPattern {
  const sources = [...phrases].sort((a, b) => b.length - a.length).map((p) => `(?:${phraseSource(p, options.isRegex)})`)
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

/**
 * The longest run of literal text every match of a regex must contain (" the following "),
 * or undefined. Checking it with `includes` first lets a rule skip most prose without
 * running a pattern that a lookbehind or a leading class makes slow to scan.
 */
export function requiredLiteral(pattern: string): string | undefined {
  let best = ''
  let run = ''
  let depth = 0
  const flush = (): void => {
    if (run.length > best.length) best = run
    run = ''
  }
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string
    const quantified = (at: number): boolean => '?*+{'.includes(pattern[at] ?? '#')
    if (c === '[') {
      // A class is one character of several: skip it whole, at any depth (it may hold ")").
      flush()
      let j = i + 1
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1
      i = j
    } else if (c === '\\') {
      const escaped = pattern[i + 1] ?? ''
      i++
      if (depth === 0 && /[.\-/:,;!?'"`]/.test(escaped) && !quantified(i + 1)) run += escaped
      else flush()
    } else if (c === '(') {
      depth++
      flush()
    } else if (c === ')') {
      depth--
      flush()
    } else if (depth > 0) {
      continue
    } else if (c === '|') {
      return undefined
    } else if (/[\p{L}\p{N} ,;:'"`-]/u.test(c) && !quantified(i + 1)) {
      run += c
    } else {
      flush()
    }
  }
  flush()
  return best.length >= 3 ? best : undefined
}
