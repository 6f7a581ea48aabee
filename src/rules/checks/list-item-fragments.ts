import type { ProseRange } from '../../markdown/prose-doc.js'
import { scopeFields, wordList } from '../kinds/common-fields.js'
import { defineCheck, overRanges, type KindOptions, type RangeChecker } from '../kinds/kind.js'

const options = {
  ...scopeFields,
  sentenceStarters: wordList('First words that mark a full sentence after a lead-in; such items keep their case and period.'),
  exceptions: wordList('Lead-in labels whose items are never changed (any case, without the colon).'),
}
import { ABBREVIATION_END, SENTENCE_BREAK } from '../match/sentence-end.js'
import { lowerFirst } from '../match/text-tools.js'
import type { RuleMatch } from '../rule-match.js'

/**
 * List items that are fragments after a bold lead-in ("**Stateful jobs:** potential
 * data loss") start lower case and end without a period. Items that end unlike their
 * siblings are list-item-periods'.
 */
export function listItems(rule: KindOptions<typeof options>, knownTerms: ReadonlySet<string>): RangeChecker {
  const starters = new Set((rule.sentenceStarters ?? []).map((w) => w.toLowerCase()))
  const exceptions = new Set((rule.exceptions ?? []).map((w) => w.toLowerCase().replace(/:$/, '')))
  return (ranges) => {
    const out: RuleMatch[] = []
    for (const item of ranges) {
      if (!item.list || item.leadInEnd === undefined) continue
      const label = item.text.slice(0, item.leadInEnd).replace(/:\s*$/, '').trim().toLowerCase()
      if (exceptions.has(label)) continue
      out.push(...fragmentFixes(item, item.leadInEnd, starters, knownTerms))
    }
    return out
  }
}

function fragmentFixes(item: ProseRange, leadInEnd: number, starters: ReadonlySet<string>, knownTerms: ReadonlySet<string>): RuleMatch[] {
  const text = item.text.replace(/\s+$/, '')
  const rest = text.slice(leadInEnd)
  const firstWord = /^\s*([\p{L}][\p{L}'’-]*)(\s+([\p{L}]+))?/u.exec(rest)
  if (!firstWord?.[1] || SENTENCE_BREAK.test(rest)) return []
  const word = firstWord[1]
  if (starters.has(word.toLowerCase())) return []
  const out: RuleMatch[] = []
  const isLower = /^\p{Ll}/u.test(word)
  const isPlainCapital = /^\p{Lu}\p{Ll}+$/u.test(word) && !knownTerms.has(word)
  const nextIsName = firstWord[3] !== undefined && /^\p{Lu}/u.test(firstWord[3])
  // An item opening with a name ("Apache Kafka stores...") is likely a sentence: leave it.
  if (!isLower && (!isPlainCapital || nextIsName)) return []
  if (isPlainCapital) {
    const start = leadInEnd + rest.indexOf(word)
    out.push({ range: item, start, end: start + word.length, replacement: lowerFirst(word) })
  }
  if (text.endsWith('.') && !text.endsWith('..') && !ABBREVIATION_END.test(text)) {
    out.push({ range: item, start: text.length - 1, end: text.length, replacement: '' })
  }
  return out
}

export const listItemFragmentsCheck = defineCheck({
  name: 'list-item-fragments',
  summary: 'fragments after a bold lead-in',
  options,
  compile: (rule, env) => overRanges(env, listItems(rule, env.termWords)),
})
