import { PLACEHOLDER } from '../../markdown/align-text.js'
import type { ProseRange } from '../../markdown/prose-doc.js'
import { tagSentence, type TaggedToken } from '../../vale/pos-tags.js'
import { scopeFields } from '../kinds/common-fields.js'
import { defineCheck, overRanges, type RangeChecker } from '../kinds/kind.js'
import { inStrong } from '../match/text-tools.js'
import type { RuleMatch } from '../rule-match.js'

const options = { ...scopeFields }

/** A short phrase opening a sentence before its subject ("Today", "In this mode"), and whether a comma follows it. */
export interface Opener {
  readonly range: ProseRange
  /** Text offset just past the opener's last word. */
  readonly end: number
  readonly text: string
  readonly comma: boolean
  /** A linking phrase that takes a comma in every style ("On the other hand"): no sign of the post's own. */
  readonly linking: boolean
}

// Short openers of time, place, order and stance whose comma is a matter of house style.
// Linking adverbs that always take one ("Furthermore") are `introductory-comma`'s; "Now",
// "Then", "Also", "So" and "Thus" are left alone: writers run them into the sentence on purpose.
const ADVERBS = new Set(
  'Today Yesterday Tomorrow Below Above Here Recently Previously Initially Eventually Ultimately Afterwards Later Earlier Sometimes Usually Typically Generally Basically Essentially Specifically Notably Luckily Hopefully Obviously Clearly Naturally Personally Technically Thankfully Sadly Honestly Optionally Conversely Likewise Accordingly Overall Next First Second Third'.split(
    ' ',
  ),
)
const PREPOSITIONS = new Set('In At On For With By From During After Before Throughout Across Within Without Under Over Beyond Through Besides Despite Unlike'.split(' '))
// "This time, we", "Last year, the team": a noun phrase of time is an opener too.
// "Every time", "Each time", "Next time" and "Last time" open a clause of their own instead.
const TIME_DETERMINERS = new Set(['This', 'Last'])
const TIME_NOUNS = new Set('time year week month quarter day summer spring fall autumn winter morning'.split(' '))
const DETERMINERS = new Set('the a an this that these those our your their my its his her each every such some many most both all any one two three several no'.split(' '))
// Nouns that take a clause without "that" ("At the time we", "In the event the job fails"):
// after "the" or "a" what follows them is that clause, not the subject.
const CLAUSE_NOUNS = new Set('time times day days moment way event case extent degree point place year years week month hour minute second sense hope order fact reason world situation'.split(' '))
const LINKING = new Set(['on the other hand', 'on the one hand', 'in other words', 'at the same time', 'by the way', 'in the meantime', 'in the end'])
const SUBJECT_PRONOUNS = new Set('we you i they he she it'.split(' '))
const FINITE = new Set(['VBZ', 'VBP', 'VBD', 'MD'])
const NOT_VERBS = new Set(['DT', 'IN', 'CC', 'TO', 'PRP', 'PRP$', 'WDT', 'WP', 'WRB'])
// Space, and template tags on lines of their own (`{% endalert %}`), before a sentence's first word.
const LEADING = new RegExp(`^(?:\\s*${PLACEHOLDER}+[ \\t]*\\n)*\\s*`)
const SENTENCE_END = /[.!?](?=\s)|[;:](?=\s)/g
// A sentence worth tagging opens with one of the openers above.
const CANDIDATE = new RegExp(`^(?:${[...ADVERBS, ...PREPOSITIONS, ...TIME_DETERMINERS].join('|')})\\b`)

const isNominal = (t: TaggedToken): boolean => /^(?:NN|JJ|CD|VBN|VBG|FW)/.test(t.tag) || t.text === '-'

/** Index just past a noun phrase at `i` ("the classic sidecar mode", "our tests"), or -1. */
function nounPhrase(tokens: readonly TaggedToken[], i: number): { end: number; head: string; det: string } {
  let j = i
  const det = tokens[j]?.text.toLowerCase() ?? ''
  if (DETERMINERS.has(det) || tokens[j]?.tag === 'PRP$') j++
  const from = j
  // Right after a determiner the tagger may read a noun as a verb ("this post/VB").
  const misread = (t: TaggedToken | undefined): boolean => j === from && from > i && /^VBP?$/.test(t?.tag ?? '')
  while (j < tokens.length && j - from < 4 && (isNominal(tokens[j] as TaggedToken) || misread(tokens[j]))) j++
  const last = tokens[j - 1]
  if (j === from || !last || !/^(?:NN|CD|VBP?$)/.test(last.tag)) return { end: -1, head: '', det }
  return { end: j, head: last.text.toLowerCase(), det: from > i ? det : '' }
}

/** Whether a subject and its finite verb start at token `i` ("we welcome", "the mesh functionality is"). */
function clauseAt(tokens: readonly TaggedToken[], i: number): boolean {
  const t = tokens[i]
  if (!t) return false
  const lower = t.text.toLowerCase()
  let j: number
  // After "we" or "you" the tagger may miss the verb ("we welcome/JJ"): any plain word will do.
  if (SUBJECT_PRONOUNS.has(lower) && lower !== 'it') return /^['’]?\p{Ll}+$/u.test(tokens[i + 1]?.text ?? '') && !NOT_VERBS.has(tokens[i + 1]?.tag ?? '')
  if (lower === 'it' || lower === 'there') j = i + 1
  else if ((lower === 'this' || lower === 'these') && FINITE.has(tokens[i + 1]?.tag ?? '')) j = i + 1
  else if (t.tag.startsWith('NNP') && t.text !== PLACEHOLDER) {
    j = i
    while (tokens[j]?.tag.startsWith('NNP')) j++
  } else if (lower !== 'that' && DETERMINERS.has(lower)) {
    j = nounPhrase(tokens, i).end
    if (j < 0) return false
  } else return false
  if (tokens[j]?.tag === 'RB') j++
  return FINITE.has(tokens[j]?.tag ?? '')
}

/**
 * "For the example job we mentioned above, if ...", "Unlike the CRDs we had planned to
 * add, the Gateway API ...": a clause without "that" belongs to the opener's noun when a
 * comma follows it within a few words, or when a new clause follows its comma; the
 * opener's comma goes there, not after the noun.
 */
function relativeClause(tokens: readonly TaggedToken[], subject: number): boolean {
  const comma = tokens.findIndex((t, i) => i > subject && t.text === ',')
  return comma > 0 && (comma <= subject + 4 || clauseAt(tokens, comma + 1))
}

/** Index just past the opener that starts the tokens, or -1. */
function openerEnd(tokens: readonly TaggedToken[]): number {
  const first = tokens[0]
  if (!first) return -1
  if (ADVERBS.has(first.text)) {
    // "Earlier this year", "Later that day"
    if (/^(?:Earlier|Later)$/.test(first.text) && /^(?:this|that|last)$/.test(tokens[1]?.text ?? '') && TIME_NOUNS.has(tokens[2]?.text ?? '')) return 3
    return 1
  }
  if (TIME_DETERMINERS.has(first.text)) return TIME_NOUNS.has(tokens[1]?.text ?? '') && !(first.text === 'Last' && tokens[1]?.text === 'time') ? 2 : -1
  if (!PREPOSITIONS.has(first.text)) return -1
  let np = nounPhrase(tokens, 1)
  if (np.end < 0) return -1
  // "At the end of this post", "For the sake of the example"
  if (tokens[np.end]?.text === 'of') {
    const of = nounPhrase(tokens, np.end + 1)
    if (of.end > 0) np = of
  }
  // A bare noun ("In practice", "In general") makes the set phrases `introductory-comma` knows; a name or number ("In OTel", "In 2020") does not.
  if (np.det === '' && !/^(?:NNP|CD)/.test(tokens[np.end - 1]?.tag ?? '')) return -1
  if ((np.det === 'the' || np.det === 'a' || np.det === 'an' || np.det === '') && CLAUSE_NOUNS.has(np.head)) return -1
  return np.end
}

/** The opener of one sentence, if it has one and a clause follows it. */
function openerOf(range: ProseRange, text: string, from: number, to: number): Opener | undefined {
  const tokens = tagSentence(text, from, to)
  const end = openerEnd(tokens)
  if (end < 0) return undefined
  const comma = tokens[end]?.text === ','
  const subject = comma ? end + 1 : end
  if (!clauseAt(tokens, subject) || (!comma && relativeClause(tokens, subject))) return undefined
  const first = tokens[0] as TaggedToken
  const last = tokens[end - 1] as TaggedToken
  // "Here we go", "Here it is": set phrases, not an opener.
  if (first.text === 'Here' && /^(?:go|goes|is|are)$/.test(tokens[subject + 1]?.text ?? '')) return undefined
  const phrase = text.slice(first.start, last.end)
  return { range, end: last.end, text: phrase, comma, linking: LINKING.has(phrase.toLowerCase()) }
}

/** Every sentence of a range that opens with a short opener before its subject. */
export function openers(range: ProseRange): Opener[] {
  const text = range.text
  const out: Opener[] = []
  let from = 0
  const ends = [...text.matchAll(SENTENCE_END)].map((m) => (m.index ?? 0) + 1)
  for (const to of [...ends, text.length]) {
    const start = from + (LEADING.exec(text.slice(from, to))?.[0].length ?? 0)
    const lead = range.leadInEnd !== undefined && start < range.leadInEnd ? range.leadInEnd : start
    const begin = lead + (/^\s*/.exec(text.slice(lead, to))?.[0].length ?? 0)
    if (CANDIDATE.test(text.slice(begin, begin + 20))) {
      const opener = openerOf(range, text, begin, to)
      if (opener) out.push(opener)
    }
    from = to
  }
  return out
}

/**
 * Whether a short opener ("Today", "In this mode") takes a comma is house style; a post
 * that writes it after more of its openers than it leaves it out wants it after every one
 * (on a tie, after an opener it writes both ways), and a post that never writes it is
 * left alone. An opener the post writes
 * without a comma every time, and more than once ("Below we ... Below we"), is the
 * author's habit for that word, not a slip.
 */
export function openerComma(): RangeChecker {
  return (ranges) => {
    const all = ranges.flatMap(openers)
    const withComma = all.filter((o) => o.comma && !o.linking).length
    const without = all.filter((o) => !o.comma)
    if (withComma === 0 || withComma < without.length) return []
    const key = (o: Opener): string => o.text.toLowerCase().replace(/\s+/g, ' ')
    const withKeys = new Set(all.filter((o) => o.comma).map(key))
    // On a tie only the opener the post also writes with a comma ("Today, ... Today we") is a slip.
    const tie = withComma === without.length
    const bare = new Map<string, number>()
    for (const o of without) bare.set(key(o), (bare.get(key(o)) ?? 0) + 1)
    const habit = (o: Opener): boolean => !withKeys.has(key(o)) && (bare.get(key(o)) ?? 0) > 1
    return without
      .filter((o) => !habit(o) && !inStrong(o.range, o.end - 1) && (!tie || withKeys.has(key(o))))
      .map((o): RuleMatch => ({ range: o.range, start: o.end - o.text.length, end: o.end, replacement: `${o.text},`, expected: `${o.text},` }))
  }
}

export const openerCommaCheck = defineCheck({
  name: 'opener-comma',
  summary: 'a comma after a short sentence opener, in a post that writes it after most of them',
  options,
  compile: (_rule, env) => overRanges(env, openerComma()),
})
