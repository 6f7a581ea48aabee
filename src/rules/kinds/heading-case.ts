import type { RuleFile } from '../rule-file.js'
import { overRanges, type KindDefinition, type RangeChecker } from './kind.js'
import type { PhraseMatcher } from '../match/phrase-index.js'
import { wordsOf } from '../match/text-tools.js'
import type { RuleMatch } from '../rule-match.js'
import { isCommonWord } from '../match/word-list.js'

/**
 * Sentence case for headings below the title: ordinary words after the first are
 * lower case. Terms, names the dictionary does not know as ordinary words, acronyms,
 * and the first word after a colon keep their case.
 */
export function headingCase(rule: RuleFile, findTerms: PhraseMatcher | undefined): RangeChecker {
  const minDepth = rule.minDepth ?? 2
  const exceptions = new Set(rule.exceptions ?? [])
  return (ranges) => {
    const out: RuleMatch[] = []
    for (const range of ranges) {
      if (range.scope !== 'heading' || (range.depth ?? 1) < minDepth) continue
      const protectedSpans = findTerms ? findTerms(range).map((h) => [h.start, h.end] as const) : []
      const list = wordsOf(range)
      const edits: { start: number; end: number; to: string }[] = []
      list.forEach((w, index) => {
        if (index === 0 || !/^\p{Lu}\p{Ll}+$/u.test(w.word) || exceptions.has(w.word)) return
        if (/:\s*$/.test(range.text.slice(0, w.start))) return
        if (/[\p{L}\p{N}][.-]$/u.test(range.text.slice(0, w.start))) return
        if (protectedSpans.some(([s, e]) => w.start < e && w.end > s)) return
        // Followed by an acronym or identifier ("Table API", "Transform UDF"): part of a name.
        const next = list[index + 1]
        if (next && /^\s+$/.test(range.text.slice(w.end, next.start)) && /^\p{Lu}(?:\p{Lu}|\p{Ll}+\p{Lu})/u.test(next.word)) return
        if (!isCommonWord(w.word)) return
        edits.push({ start: w.start, end: w.end, to: w.word.toLowerCase() })
      })
      const first = edits[0]
      const last = edits[edits.length - 1]
      if (!first || !last) continue
      // One finding per heading, lowering every word that sentence case lowers.
      let replacement = ''
      let cursor = first.start
      for (const e of edits) {
        replacement += range.text.slice(cursor, e.start) + e.to
        cursor = e.end
      }
      out.push({ range, start: first.start, end: last.end, replacement })
    }
    return out
  }
}

export const headingCaseKind: KindDefinition = {
  compile: (rule, env) => overRanges(env, headingCase(rule, env.findTerms)),
}
