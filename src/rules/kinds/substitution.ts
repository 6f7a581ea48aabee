import { z } from 'zod'
import type { ProseRange } from '../../markdown/prose-doc.js'
import type { PhraseHit, PhraseIndex } from '../match/phrase-index.js'
import { exceptionFinder, literalTest } from '../match/phrase-finders.js'
import { compileAlternation, scanMatches } from '../match/phrase-pattern.js'
import { hasPlaceholder, preserveCase } from '../match/text-tools.js'
import type { RuleMatch } from '../rule-match.js'
import { flag, scopeFields, wordList } from './common-fields.js'
import { defineKind, overRanges, type KindOptions, type RangeChecker } from './kind.js'

const options = {
  ...scopeFields,
  swap: z.record(z.string(), z.string()).refine((swap) => Object.keys(swap).length > 0, { error: 'must list at least one phrase' }).meta({
    minProperties: 1,
    description: 'phrase -> replacement. Phrases match whole words; a space matches any run of whitespace, so phrases wrapped across lines still match. With regex: true, the replacement may use $1..$9 and $&, and \\l$1 lowers the first letter of a group moved mid-sentence.',
  }),
  ignorecase: flag('Match phrases in any case (default true). The replacement keeps the matched text\'s case.'),
  regex: flag('Phrases are JavaScript regular expressions (checked for catastrophic backtracking at load).'),
  nonword: flag('Match anywhere, not only whole words (for punctuation and spacing rules).'),
  exceptions: wordList('Matched text that is never reported (exact, any case).'),
  asWritten: flag('Report a match only where the source holds the matched text as it is, with no markup taken out inside it (for spacing rules: the spaces either side of a link\'s `[` are not a doubled space).'),
}

const normalise = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim()

/** phrase -> replacement, whole words, keeping the matched text's case. Regex rules may use $1..$9. */
export function substitution(rule: KindOptions<typeof options>, phrases: PhraseIndex): RangeChecker {
  const swap = rule.swap
  const ignoreCase = rule.ignorecase !== false
  const isException = exceptionFinder(rule.exceptions ?? [], phrases)
  const find = rule.regex === true ? regexSwaps(swap, { ignoreCase, nonword: rule.nonword === true }, phrases) : plainSwaps(swap, ignoreCase, phrases)
  return (ranges) => {
    const out: RuleMatch[] = []
    for (const range of ranges) {
      for (const { start, end, text, to } of find(range)) {
        if (hasPlaceholder(text) || isException(range, start, end)) continue
        if (rule.asWritten === true && !writtenAsIs(range, start, end)) continue
        out.push({ range, start, end, replacement: rule.regex === true ? to : preserveCase(text, to) })
      }
    }
    return out
  }
}

/** Whether the text from start to end is one unbroken stretch of the source. */
function writtenAsIs(range: ProseRange, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const at = range.offsets[i] ?? -1
    if (at < 0 || (i > start && at !== (range.offsets[i - 1] ?? -1) + 1)) return false
  }
  return true
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
function regexSwaps(swap: Readonly<Record<string, string>>, options: { ignoreCase: boolean; nonword: boolean }, phrases: PhraseIndex): (range: ProseRange) => SwapHit[] {
  const rules = Object.entries(swap).map(([pattern, to]) => ({ re: compileAlternation([pattern], { isRegex: true, ...options }, phrases.facts), to, literal: literalTest(pattern, options.ignoreCase, phrases.facts) }))
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

export const substitutionKind = defineKind({
  name: 'substitution',
  summary: 'phrases to replace',
  options,
  patternField: 'swap',
  compile: (rule, env) => overRanges(env, substitution(rule, env.phrases)),
})
