import { PLACEHOLDER } from '../../markdown/align-text.js'
import type { WordChecker } from '../../spelling/hunspell.js'
import { scopeFields, wordList } from '../kinds/common-fields.js'
import { defineCheck, overRanges, type KindOptions, type RangeChecker } from '../kinds/kind.js'

const options = {
  ...scopeFields,
  introducers: wordList('Words that introduce a term ("called", "known as"); default: called, named, known as.'),
}
import { capitalize } from '../match/text-tools.js'
import type { RuleMatch } from '../rule-match.js'

/**
 * A sentence opening with "It" right after a sentence that introduced a term ("a
 * process called *checkpointing*.") leaves the reader to guess whether "It" is the
 * process or the product. The fix names the term; "It works by capturing X and
 * storing Y" becomes "Checkpointing captures X and stores Y".
 */
export function vaguePronoun(rule: KindOptions<typeof options>, checker: () => WordChecker): RangeChecker {
  const introducers = (rule.introducers ?? ['called', 'named', 'known as']).map((t) => t.trim().replace(/\s+/g, '\\s+')).join('|')
  const pattern = new RegExp(`\\b(?:${introducers})\\s+["“']?([\\p{L}][\\p{L}\\p{N} -]{0,40}?)["”']?([.!?])\\s+(It)\\s`, 'gu')
  return (ranges) => {
    const out: RuleMatch[] = []
    for (const range of ranges) {
      for (const m of range.text.matchAll(pattern)) {
        const term = (m[1] ?? '').trim()
        if (term.split(/\s+/).length > 3 || term.includes(PLACEHOLDER)) continue
        const itStart = (m.index ?? 0) + m[0].length - 3
        const rewrite = worksBy(range.text.slice(itStart), capitalize(term), checker())
        if (rewrite) out.push({ range, start: itStart, end: itStart + rewrite.length, replacement: rewrite.text })
        else out.push({ range, start: itStart, end: itStart + 2, replacement: capitalize(term) })
      }
    }
    return out
  }
}

const WORKS_BY_AND = /^It works by ((?:\p{Ll}+ly )?)(\p{Ll}+ing)\b([^.!?;]*?)\band (\p{Ll}+ing)\b/u
const WORKS_BY = /^It works by ((?:\p{Ll}+ly )?)(\p{Ll}+ing)\b/u

/** "It works by [adverb] Ving ... [and Ving]" -> "Term [adverb] Vs ... [and Vs]", when every verb is known. */
function worksBy(text: string, term: string, checker: WordChecker): { text: string; length: number } | undefined {
  const m = WORKS_BY_AND.exec(text) ?? WORKS_BY.exec(text)
  if (!m?.[2]) return undefined
  const first = thirdPerson(m[2], checker)
  const second = m[4] === undefined ? '' : thirdPerson(m[4], checker)
  if (!first || second === undefined) return undefined
  const tail = m[4] === undefined ? '' : `${m[3] ?? ''}and ${second}`
  return { text: `${term} ${m[1] ?? ''}${first}${tail}`, length: m[0].length }
}

/** "capturing" -> "captures", "processing" -> "processes", "copying" -> "copies", "running" -> "runs". */
function thirdPerson(gerund: string, checker: WordChecker): string | undefined {
  const stem = gerund.slice(0, -3)
  const base = [stem + 'e', stem, stem.slice(0, -1)].find((b, i) => b.length > 1 && checker.isKnown(b) && (i !== 2 || stem.at(-1) === stem.at(-2)))
  if (!base) return undefined
  if (/(?:s|sh|ch|x|z)$/.test(base)) return `${base}es`
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`
  return `${base}s`
}

export const vaguePronounCheck = defineCheck({
  name: 'vague-pronoun',
  summary: '"It" right after a sentence introducing a term',
  options,
  compile: (rule, env) => overRanges(env, vaguePronoun(rule, env.dictionary.checker)),
})
