import { z } from 'zod'
import { scopeFields, wordList } from '../kinds/common-fields.js'
import { defineCheck, overRanges, type KindOptions, type RangeChecker } from '../kinds/kind.js'
import type { PhraseMatcher } from '../match/phrase-index.js'
import { wordsOf } from '../match/text-tools.js'
import type { RuleMatch } from '../rule-match.js'
import { isCommonWord } from '../match/word-list.js'
import type { ProseRange } from '../../markdown/prose-doc.js'

const options = {
  ...scopeFields,
  minDepth: z.int().min(1).max(6).optional().meta({ description: 'The first heading depth checked (default 2).' }),
  exceptions: wordList('Capitalised words that are never lowered (exact case).'),
}

/**
 * Sentence case for headings below the title, in posts that mostly use it: ordinary
 * words after the first are lower case. Terms, names the dictionary does not know as ordinary words, acronyms,
 * and the first word after a colon keep their case.
 */
export function headingCase(rule: KindOptions<typeof options>, findTerms: PhraseMatcher | undefined): RangeChecker {
  const minDepth = rule.minDepth ?? 2
  const exceptions = new Set(rule.exceptions ?? [])
  return (ranges) => {
    const names = capitalisedInProse(ranges)
    const pairs = capitalisedPairs(ranges)
    const headings: { range: ProseRange; edits: Edit[]; sentenceStyled: boolean }[] = []
    for (const range of ranges) {
      if (range.scope !== 'heading' || (range.depth ?? 1) < minDepth) continue
      const protectedSpans = findTerms ? findTerms(range).map((h) => [h.start, h.end] as const) : []
      const list = wordsOf(range)
      const edits: Edit[] = []
      let sentenceStyled = false
      list.forEach((w, index) => {
        if (index > 0 && /^\p{Ll}+$/u.test(w.word) && !MINOR_WORDS.has(w.word)) sentenceStyled = true
        if (index === 0 || !/^\p{Lu}\p{Ll}+$/u.test(w.word) || exceptions.has(w.word)) return
        const before = range.text.slice(0, w.start)
        // The first word after a colon or a sentence end ("Interested? Act fast!") starts a sentence.
        if (/[:?!]\s*$/.test(before) || NUMBERED.test(before)) return
        if (/[\p{L}\p{N}][.-]$/u.test(before)) return
        if (protectedSpans.some(([s, e]) => w.start < e && w.end > s)) return
        if (quotedSpans(range.text).some(([s, e]) => w.start >= s && w.end <= e)) return
        // Followed by an acronym or identifier ("Table API", "Transform UDF"): part of a name.
        const next = list[index + 1]
        if (next && /^\s+$/.test(range.text.slice(w.end, next.start)) && /^\p{Lu}(?:\p{Lu}|\p{Ll}+\p{Lu})/u.test(next.word)) return
        // Before a word the post uses as a name ("Service Topology"): the first half of it.
        if (next && /^\s+$/.test(range.text.slice(w.end, next.start)) && names.has(next.word)) return
        // A capitalised pair the post writes more than once ("Linkerd Hero", "OpenTelemetry
        // Collector") is a name, wherever it appears.
        const previous = list[index - 1]
        if (previous && (pairs.get(`${previous.word} ${w.word}`) ?? 0) >= 2) return
        if (next && (pairs.get(`${w.word} ${next.word}`) ?? 0) >= 2) return
        if (!isCommonWord(w.word) || names.has(w.word)) return
        edits.push({ start: w.start, end: w.end, to: w.word.toLowerCase() })
      })
      headings.push({ range, edits, sentenceStyled })
    }
    // A blog that title-cases its headings is not wrong; only a post whose headings are
    // mostly in sentence case makes a Title Case heading an inconsistency worth a comment.
    const titled = headings.filter((h) => h.edits.length > 0 && !h.sentenceStyled).length
    const sentence = headings.filter((h) => h.sentenceStyled).length
    if (sentence <= titled) return []
    const out: RuleMatch[] = []
    for (const { range, edits } of headings) {
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

/**
 * Words the post's own prose capitalises mid-sentence more often than it writes them in
 * lower case: the author treats them as names ("Rust", "Service Topology"), so headings keep them.
 */
function capitalisedInProse(ranges: readonly ProseRange[]): Set<string> {
  const upper = new Map<string, number>()
  const lower = new Map<string, number>()
  for (const range of ranges) {
    if (range.scope === 'heading' || range.scope === 'frontmatter') continue
    wordsOf(range).forEach((w, index) => {
      if (/^\p{Ll}+$/u.test(w.word)) lower.set(w.word, (lower.get(w.word) ?? 0) + 1)
      else if (index > 0 && /^\p{Lu}\p{Ll}+$/u.test(w.word) && !/[.!?:]["'”’)]?\s*$/u.test(range.text.slice(0, w.start))) upper.set(w.word, (upper.get(w.word) ?? 0) + 1)
    })
  }
  return new Set([...upper].filter(([w, n]) => n > (lower.get(w.toLowerCase()) ?? 0)).map(([w]) => w))
}

/** Adjacent capitalised words ("Linkerd Hero"), counted over the whole post. */
function capitalisedPairs(ranges: readonly ProseRange[]): Map<string, number> {
  const pairs = new Map<string, number>()
  for (const range of ranges) {
    if (range.scope === 'frontmatter') continue
    const list = wordsOf(range)
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1]
      const b = list[i]
      if (!a || !b || !/^\p{Lu}/u.test(a.word) || !/^\p{Lu}/u.test(b.word) || !/^\s+$/.test(range.text.slice(a.end, b.start))) continue
      const key = `${a.word} ${b.word}`
      pairs.set(key, (pairs.get(key) ?? 0) + 1)
    }
  }
  return pairs
}

/** Quoted text in a heading ("the 'Primary Key' feature") is cited as written. */
function quotedSpans(text: string): [number, number][] {
  if (!/['"‘“]/.test(text)) return []
  return [...text.matchAll(/"[^"]*"|“[^”]*”|‘[^’]*’|(?<!\p{L})'[^']*'(?!\p{L})/gu)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length])
}

interface Edit {
  start: number
  end: number
  to: string
}

/** Words Title Case leaves in lower case: their case says nothing about a heading's style. */
const MINOR_WORDS = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'as', 'at', 'by', 'in', 'of', 'off', 'on', 'per', 'to', 'up', 'via', 'vs', 'with', 'from', 'into', 'over', 'than', 'if', 'is'])
/** "3- What", "2) Why": the first word after a list number starts the heading. */
const NUMBERED = /^\s*\d+\s*[-.):]\s*$/

export const headingCaseCheck = defineCheck({
  name: 'heading-case',
  summary: 'Title Case headings below the title',
  options,
  compile: (rule, env) => overRanges(env, headingCase(rule, env.findTerms)),
})
