import { z } from 'zod'
import type { ProseRange } from '../../markdown/prose-doc.js'
import { loweredWordsOf, wordsOf } from '../match/text-tools.js'
import type { ProseDoc } from '../../markdown/prose-doc.js'
import type { RuleMatch } from '../rule-match.js'
import { scopeFields } from '../kinds/common-fields.js'
import { defineCheck, type KindOptions } from '../kinds/kind.js'

const options = {
  ...scopeFields,
  minWords: z.int().min(3).optional().meta({ description: 'Shortest sentence or paragraph compared (default 12).' }),
  threshold: z.number().gt(0).max(1).optional().meta({ description: 'Share of word triples that must repeat (default 0.6).' }),
}

/**
 * A paragraph that repeats another one of the same post, judged by the share of its
 * word triples found in the other. The copy before `<!--more-->` (a summary that
 * restates the intro) is the one flagged; otherwise the later copy is. No rewrite:
 * the author decides which to keep.
 */
const SAME_SECTION_THRESHOLD = 0.9

export function duplicate(rule: KindOptions<typeof options>): (doc: ProseDoc, ranges: readonly ProseRange[]) => RuleMatch[] {
  const minWords = rule.minWords ?? 12
  const threshold = rule.threshold ?? 0.6
  return (doc, ranges) => {
    // Sections start at headings below the title. Parallel text in different sections (a
    // caveat repeated under each release, tutorial steps for each file) and list items (a
    // list is parallel by design) are deliberate; a copy within one section is not.
    const sectionStarts = ranges.filter((r) => r.scope === 'heading' && (r.depth ?? 1) >= 2).map(firstOffset).filter((o) => o >= 0)
    const sectionOf = (offset: number): number => sectionStarts.filter((o) => o < offset).length
    const candidates = ranges
      .filter((r) => r.scope !== 'heading' && r.scope !== 'frontmatter' && !r.list && wordsOf(r).length >= minWords)
      .map((range) => ({ range, triples: triples(range), start: firstOffset(range) }))
      .filter((c) => c.triples.size >= minWords - 2 && c.start >= 0)
    const owners = new Map<number, number[]>()
    candidates.forEach((c, index) => {
      for (const t of c.triples) {
        const list = owners.get(t)
        if (list) list.push(index)
        else owners.set(t, [index])
      }
    })
    const flagged = new Set<number>()
    const out: RuleMatch[] = []
    candidates.forEach((a, ai) => {
      const shared = new Map<number, number>()
      for (const t of a.triples) for (const bi of owners.get(t) ?? []) if (bi !== ai) shared.set(bi, (shared.get(bi) ?? 0) + 1)
      for (const [bi, count] of shared) {
        const b = candidates[bi]
        if (!b || count / a.triples.size < threshold) continue
        const aIsSummary = doc.moreOffset !== undefined && a.start < doc.moreOffset && b.start > doc.moreOffset
        // Within a section, steps that differ only in names ("create the X index ... create the Y
        // index") are parallel on purpose: only a near-verbatim copy is a leftover.
        if (!aIsSummary && (sectionOf(a.start) !== sectionOf(b.start) || count / a.triples.size < SAME_SECTION_THRESHOLD)) continue
        const flagA = aIsSummary || (a.start > b.start && !(doc.moreOffset !== undefined && b.start < doc.moreOffset))
        if (!flagA || flagged.has(ai)) continue
        flagged.add(ai)
        const text = a.range.text.trimEnd()
        const lead = text.length - text.trimStart().length
        out.push({ range: a.range, start: lead, end: text.length, relatedOffset: b.start })
        break
      }
    })
    return out
  }
}

/**
 * Word triples as 30-bit numbers mixed from the three words' hashes: far cheaper than
 * joined strings, and small enough for V8 to keep unboxed. Two different triples of a
 * post sharing a number (about one post in twenty) adds one shared triple to one pair
 * of paragraphs, against a threshold of 60% of their triples.
 */
function triples(range: ProseRange): Set<number> {
  const list = loweredWordsOf(range)
  const out = new Set<number>()
  let a = list.length > 0 ? hashWord(list[0] as string) : 0
  let b = list.length > 1 ? hashWord(list[1] as string) : 0
  for (let i = 2; i < list.length; i++) {
    const c = hashWord(list[i] as string)
    out.add((Math.imul(a, 0x27d4eb2d) ^ Math.imul(b, 0x9e3779b1) ^ c) & 0x3fffffff)
    a = b
    b = c
  }
  return out
}

/** FNV-1a. */
function hashWord(word: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193)
  return hash >>> 0
}

function firstOffset(range: ProseRange): number {
  for (const o of range.offsets) if (o >= 0) return o
  return -1
}

export const duplicateContentCheck = defineCheck({
  name: 'duplicate-content',
  summary: 'a paragraph repeating another one',
  options,
  compile: (rule, env) => {
    const run = duplicate(rule)
    return (doc) => run(doc, env.rangesOf(doc))
  },
})
