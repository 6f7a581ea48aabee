import type { ProseDoc, ProseRange } from '../../markdown/prose-doc.js'
import { PLACEHOLDER } from '../../markdown/align-text.js'
import { isCodeLike } from '../../fix-safety/code-like.js'
import type { RuleMatch } from '../rule-match.js'
import { defineCheck } from '../kinds/kind.js'
import { OPEN_ENDING, paragraphEnd } from '../match/sentence-end.js'

const MIN_WORDS = 8

/**
 * A paragraph of prose that ends on a word with no full stop, where the next block is more
 * prose or a heading: the period was dropped. Paragraphs that lead
 * into code, a list, a table or an image ("run the following"), listings led by a bold
 * title, name lists (mostly commas),
 * text that ends on inline code or a word that cannot end a sentence (a paragraph cut off
 * or broken by unformatted code) and short lines (captions, sign-offs) are left alone.
 */
function finalPeriod(doc: ProseDoc): RuleMatch[] {
  const out: RuleMatch[] = []
  for (const range of doc.ranges) {
    if (range.scope !== 'paragraph') continue
    const end = paragraphEnd(doc, range)
    if (end === undefined || !endsLikeSentence(range.text) || opensWithTitle(doc.source, range)) continue
    if (!nextIsProse(doc.source, end)) continue
    const last = doc.source[end - 1] as string
    out.push({ start: end - 1, end, replacement: `${last}.` })
  }
  return out
}

function endsLikeSentence(text: string): boolean {
  const t = text.trimEnd()
  if (!/[a-z]$/.test(t) || !/^(?:[A-Z][a-z]+|A|I)\b/.test(t)) return false
  const words = t.split(/\s+/)
  if (words.length < MIN_WORDS || (t.match(/,/g) ?? []).length * 4 > words.length) return false
  if (words.slice(-3).some((w) => w.includes(PLACEHOLDER) || isCodeLike(w))) return false
  return !OPEN_ENDING.has((words.at(-1) as string).toLowerCase())
}

/** A paragraph led by a bold title line is a listing (a talk, its speaker and time), not sentences. */
function opensWithTitle(source: string, range: ProseRange): boolean {
  const first = range.offsets.find((o) => o >= 0) ?? 0
  return /^(?:\*\*|__)$/.test(source.slice(first - 2, first)) || /^(?:\*\*|__)\[/.test(source.slice(first - 3, first))
}

/**
 * After blank lines: a heading, a rule, or a paragraph that opens with a word. Not the end
 * of the text: a sign-off often goes without a stop, and a hard-wrapped paragraph cut from
 * a diff ends wherever the cut falls.
 */
function nextIsProse(source: string, end: number): boolean {
  const rest = source.slice(end, end + 200)
  if (!/^[ \t]*\n[ \t]*\n/.test(rest)) return false
  const next = rest.trimStart()
  if (next === '') return false
  if (/^#{1,6}\s/.test(next) || /^(?:---|\*\*\*|___)\s*$/m.test(next.split('\n')[0] ?? '')) return true
  const firstToken = next.split(/\s/)[0] ?? ''
  return /^[A-Z][a-z]+[,]?$/.test(firstToken) && !isCodeLike(firstToken)
}

export const finalPeriodCheck = defineCheck({
  name: 'final-period',
  summary: 'a paragraph of prose that ends without its full stop',
  options: {},
  compile: () => finalPeriod,
})
