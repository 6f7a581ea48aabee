import type { PhraseIndex } from '../match/phrase-index.js'
import { exceptionFinder, phraseMatcher } from '../match/phrase-finders.js'
import { hasPlaceholder, isSentenceStart, preserveCase } from '../match/text-tools.js'
import type { RuleMatch } from '../rule-match.js'
import { flag, phraseList, scopeFields, wordList } from './common-fields.js'
import { defineKind, overRanges, type KindOptions, type RangeChecker } from './kind.js'
import { z } from 'zod'

const options = {
  ...scopeFields,
  tokens: phraseList('Phrases to flag.'),
  replacement: z.string().optional().meta({ description: 'Text that replaces every token (omit for a message-only rule).' }),
  remove: flag('The fix deletes the token and one adjoining space.'),
  ignorecase: flag('Match tokens in any case (default true). A replacement keeps the matched text\'s case.'),
  regex: flag('Tokens are JavaScript regular expressions (checked for catastrophic backtracking at load).'),
  nonword: flag('Match anywhere, not only whole words (for punctuation and spacing rules).'),
  exceptions: wordList('Matched text that is never reported (exact, any case).'),
}

/** Phrases to flag: message only, or replaced by `replacement`, or removed. */
export function existence(rule: KindOptions<typeof options>, phrases: PhraseIndex): RangeChecker {
  const find = phraseMatcher(rule.tokens, { isRegex: rule.regex === true, ignoreCase: rule.ignorecase !== false, nonword: rule.nonword === true }, phrases)
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

export const existenceKind = defineKind({
  name: 'existence',
  summary: 'phrases to flag, remove or replace',
  options,
  compile: (rule, env) => overRanges(env, existence(rule, env.phrases)),
})
