import { z } from 'zod'
import { scopeFields, wordList } from '../kinds/common-fields.js'
import { defineCheck, type KindOptions } from '../kinds/kind.js'
import { wordsOf } from '../match/text-tools.js'
import type { RuleMatch } from '../rule-match.js'
import type { ProseDoc, ProseRange } from '../../markdown/prose-doc.js'
import { MINOR_WORDS, type PostNames } from '../names/post-names.js'

const options = {
  ...scopeFields,
  minDepth: z.int().min(1).max(6).optional().meta({ description: 'The first heading depth checked (default 2).' }),
  exceptions: wordList('Capitalised words that are never lowered (exact case).'),
  keep: wordList('Headings left as written, compared with white space made single (a blog\'s section headings, learned by `bluepencil learn`).'),
}

/**
 * Sentence case for headings below the title, in posts that mostly use it: ordinary
 * words after the first are lower case. What keeps its capital (terms, names, acronyms,
 * the first word after a colon) is decided by the post's shared names (rules/names).
 */
export function headingCase(rule: KindOptions<typeof options>, namesOf: (doc: ProseDoc) => PostNames): (doc: ProseDoc, ranges: readonly ProseRange[]) => RuleMatch[] {
  const minDepth = rule.minDepth ?? 2
  const exceptions = new Set(rule.exceptions ?? [])
  const keep = new Set(rule.keep ?? [])
  return (doc, ranges) => {
    const names = namesOf(doc)
    const headings: { range: ProseRange; edits: Edit[]; sentenceStyled: boolean }[] = []
    for (const range of ranges) {
      if (range.scope !== 'heading' || (range.depth ?? 1) < minDepth) continue
      const list = wordsOf(range)
      const edits: Edit[] = []
      let sentenceStyled = false
      list.forEach((w, index) => {
        if (index > 0 && /^\p{Ll}+$/u.test(w.word) && !MINOR_WORDS.has(w.word)) sentenceStyled = true
        if (index === 0 || !/^\p{Lu}\p{Ll}+$/u.test(w.word) || exceptions.has(w.word)) return
        if (names.keepsCapital(range, index) !== undefined) return
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
      if (keep.size > 0 && keep.has(range.text.replace(/\s+/g, ' ').trim())) continue
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

interface Edit {
  start: number
  end: number
  to: string
}

export const headingCaseCheck = defineCheck({
  name: 'heading-case',
  summary: 'Title Case headings below the title',
  options,
  compile: (rule, env) => {
    const check = headingCase(rule, env.namesOf)
    return (doc) => check(doc, env.rangesOf(doc))
  },
})
