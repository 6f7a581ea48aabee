import { PLACEHOLDER } from '../../markdown/align-text.js'
import type { ProseRange } from '../../markdown/prose-doc.js'
import { tagSentence, type TaggedToken } from '../../vale/pos-tags.js'
import { scopeFields } from '../kinds/common-fields.js'
import { defineCheck, overRanges, type RangeChecker } from '../kinds/kind.js'
import { inStrong } from '../match/text-tools.js'
import type { RuleMatch } from '../rule-match.js'

const options = { ...scopeFields }

/** A list of three or more items joined by "and"/"or", and whether it has the comma before the conjunction. */
export interface SeriesList {
  readonly range: ProseRange
  readonly serial: boolean
  /** Text offsets of the whitespace and conjunction after the last item before it ("tables, partitions| or"). */
  readonly start: number
  readonly end: number
  readonly conjunction: string
}

// A comma, a few words, then "and"/"or": the only sentences worth tagging.
const CANDIDATE = /,[^,.;:!?()]{0,60}\s(?:and|or)\s/i
const SENTENCE_END = /[.!?](?=\s)|[;:](?=\s)/g
// A serial list ("A, B, and C") has a comma and, after it, a comma just before "and"/"or".
const SERIAL_END = /,\s*(?:and|or)/gi

// Tags that make a stretch of words a clause, not a list item: finite verbs, modals,
// subject pronouns, question and relative words, "there", interjections, adverbs.
const CLAUSE_TAGS = new Set(['VBZ', 'VBP', 'VBD', 'MD', 'PRP', 'WDT', 'WP', 'WP$', 'WRB', 'EX', 'UH', 'RB', 'RBR', 'RBS', 'CC', 'TO'])
// A clause ("Policies apply to tables,", "Then add `join`,") may end in a list's first item.
const VERBS = new Set(['VB', 'VBZ', 'VBP', 'VBD', 'MD'])
// Sentence openers the tagger reads as nouns or adjectives ("Today, Flink and Beam ...").
const OPENERS = new Set('today yesterday tomorrow now here there currently recently previously finally first second third lastly next also however meanwhile additionally moreover furthermore instead otherwise overall ultimately initially again still yes no ok okay well so thus hence unfortunately fortunately interestingly importantly similarly likewise alternatively specifically basically essentially generally typically traditionally historically eventually later earlier afterwards'.split(' '))
// Words that pair two things without listing them.
const PAIRING = new Set('between both either neither whether from respectively vice such'.split(' '))
// Words that end a lead-in to examples, not a first item ("for example, `stop` or `length`").
const LEAD_INS = new Set('example instance namely including like incl e.g i.e eg ie'.split(' '))
// Punctuation that may sit inside an item: dotted and slashed names, versions, C++ and C#.
const INNER_MARKS = new Set(['.', '-', '/', '+', '#', '&', "'", '’'])

/** The coarse class of a word by its tag: nouns (and numbers, code), adjectives, gerunds; other words have none. */
function wordClass(token: TaggedToken): 'N' | 'J' | 'G' | undefined {
  const tag = token.tag
  if (/^(?:NN|CD|FW)/.test(tag)) return 'N'
  if (/^JJ/.test(tag) || tag === 'VBN') return 'J'
  if (tag === 'VBG') return 'G'
  return undefined
}

const isWord = (t: TaggedToken): boolean => /^[\p{L}\p{N}]/u.test(t.text)
const head = (item: readonly TaggedToken[]): TaggedToken | undefined => item.find((t) => t.tag !== 'DT' && t.tag !== 'PRP$' && t.tag !== 'POS')

/** An item between two commas: one to four words, no clause, no opener or pairing word. */
function isInnerItem(item: readonly TaggedToken[]): boolean {
  const words = item.filter(isWord)
  if (words.length === 0 || words.length > 4) return false
  if (item.some((t) => !isWord(t) && !INNER_MARKS.has(t.text))) return false
  const first = item[0] as TaggedToken
  if (!isWord(first) || !isWord(item.at(-1) as TaggedToken) || OPENERS.has(first.text.toLowerCase())) return false
  // A preposition ("engineer at Buoyant") or a gerund with an object ("helping his peers")
  // makes a phrase that modifies what came before, not an item.
  if (words.some((t) => CLAUSE_TAGS.has(t.tag) || t.tag === 'IN' || PAIRING.has(t.text.toLowerCase()))) return false
  if (words.length > 1 && words.some((t) => t.tag === 'VBG')) return false
  return !(words.length === 1 && /^\d{4}$/.test(first.text)) // "June 5, 2023 and": a date, not a list
}

/**
 * Whether the text before the first comma ends in the list's first item. It either is
 * that item ("Kafka, Pulsar and Kinesis are supported": short, no verb, no opener) or a
 * clause whose last word is the first item, of the same class as the next item
 * ("assigned to tables, partitions or schemas"); an introductory phrase ("In 2020,",
 * "After the upgrade of the cluster,") is neither.
 */
function headHoldsItem(first: readonly TaggedToken[], next: readonly TaggedToken[]): boolean {
  const last = first.at(-1)
  const nextLast = next.at(-1)
  if (!last || !nextLast || !isWord(last)) return false
  const lastClass = wordClass(last)
  if (!lastClass || lastClass !== wordClass(nextLast)) return false
  // "Because the job is stateful,", "To use Kafka,": an introductory clause ends at the comma.
  const opener = first[0] as TaggedToken
  if (['IN', 'WRB', 'TO'].includes(opener.tag) || OPENERS.has(opener.text.toLowerCase())) return false
  if (first.some((t) => VERBS.has(t.tag))) return !CLAUSE_TAGS.has(last.tag)
  return isInnerItem(first)
}

/**
 * Whether "X, B and C" names what X is rather than adding to it: "two metrics, latency
 * and throughput", "our employers, F5 and ServiceNow", "some components, the old planner
 * and ...", "Sakshi Patle, a final-year student". A list repeats X's shape; an apposition
 * counts, or turns a plural into names, or starts with its own article.
 */
function apposition(first: readonly TaggedToken[], item: readonly TaggedToken[]): boolean {
  const tail = first.at(-1) as TaggedToken
  const itemHead = head(item) as TaggedToken
  if (first.some((t) => t.tag === 'CD')) return true
  if (tail.tag === 'NNS' && itemHead.tag !== 'NNS') return true
  const opener = item[0] as TaggedToken
  return opener.tag === 'DT' && first.at(-2)?.text.toLowerCase() !== opener.text.toLowerCase()
}

/** The list whose conjunction is token `k` of a tagged sentence, if those tokens make one. */
function listAt(range: ProseRange, tokens: readonly TaggedToken[], k: number): SeriesList | undefined {
  const conj = tokens[k] as TaggedToken
  const after = tokens[k + 1]
  if (!after || !isWord(after) || CLAUSE_TAGS.has(after.tag) || after.tag === 'IN') return undefined
  const serial = tokens[k - 1]?.text === ','
  const items: TaggedToken[][] = []
  let end = serial ? k - 2 : k - 1
  for (;;) {
    let j = end
    while (j >= 0 && (tokens[j] as TaggedToken).text !== ',') j--
    items.unshift(tokens.slice(j + 1, end + 1))
    if (j < 0) break
    end = j - 1
  }
  if (items.length < 2) return undefined
  const inner = items.slice(1)
  if (!inner.every(isInnerItem)) return undefined
  const last = inner.at(-1) as TaggedToken[]
  const lastHead = head(last)
  const afterHead = head(tokens.slice(k + 1, k + 4))
  if (!lastHead || !afterHead) return undefined
  const cls = (t: TaggedToken): string | undefined => {
    const c = wordClass(t)
    return c === 'J' ? 'N' : c // an item's head may be an adjective ("large schemas")
  }
  if (!cls(afterHead) || cls(afterHead) !== cls(lastHead)) return undefined
  const earliest = items[0] as TaggedToken[]
  if (apposition(items.at(-2) as TaggedToken[], last) || LEAD_INS.has(earliest.at(-1)?.text.toLowerCase() ?? '')) return undefined
  if (inner.length === 1) {
    if (!headHoldsItem(earliest, last)) return undefined
    // "promising vendor neutrality and ...": an -ing phrase after a clause modifies it.
    if (last.length > 1 && /ing$/i.test((last[0] as TaggedToken).text)) return undefined
    // "A talks to B and C is using http traffic, B and C talk to each other": a new clause's subject.
    const clause = earliest.some((t) => VERBS.has(t.tag))
    if (clause && tokens.slice(k + 1, k + 4).some((t) => VERBS.has(t.tag) && t.tag !== 'VB')) return undefined
  }
  // "timers, state stores, pub or sub brokers, bindings, and ...": a conjunction inside an item.
  const next = tokens.slice(k + 1, k + 6).findIndex((t) => t.text === ',')
  if (next >= 0 && tokens.slice(k + 2 + next).some((t) => /^(?:and|or)$/.test(t.text))) return undefined
  const lastToken = (serial ? tokens[k - 1] : last.at(-1)) as TaggedToken
  return { range, serial, start: lastToken.end, end: conj.end, conjunction: conj.text }
}

/** Whether a text may hold a serial list: tagging is the cost of this check, and most text has no such list. */
function mayHoldSerialList(text: string): boolean {
  const first = text.indexOf(',')
  if (first < 0) return false
  SERIAL_END.lastIndex = first + 1
  return SERIAL_END.test(text)
}

/** Every "A, B and C" / "A, B, and C" list of a range's sentences (of those `sentences` accepts). */
export function seriesLists(range: ProseRange, sentences: (sentence: string) => boolean = () => true): SeriesList[] {
  if (!CANDIDATE.test(range.text)) return []
  // Inline code is one word to the tagger, so "`x`, `y` and `z`" reads as a list.
  const text = range.text.replaceAll(PLACEHOLDER, 'X')
  const out: SeriesList[] = []
  let from = 0
  const ends = [...text.matchAll(SENTENCE_END)].map((m) => (m.index ?? 0) + 1)
  for (const to of [...ends, text.length]) {
    const sentence = text.slice(from, to)
    if (CANDIDATE.test(sentence) && sentences(sentence)) {
      const tokens = tagSentence(text, from, to)
      for (let k = 2; k < tokens.length; k++) {
        const t = tokens[k] as TaggedToken
        if (!/^(?:and|or)$/.test(t.text) || tokens[k + 1]?.text === '/') continue
        const list = listAt(range, tokens, k)
        if (list) out.push(list)
      }
    }
    from = to
  }
  return out
}

/**
 * A post that writes the serial comma ("tables, partitions, and schemas") in more of its
 * lists than not wants it in every list: a list without it is a slip. A post that never
 * writes it follows another style, and is left alone.
 */
export function serialComma(): RangeChecker {
  return (ranges) => {
    // A post with no serial list gets no finding: its lists are found, and tagged, only
    // once a sentence that may hold one (in ~45% of posts none does) is found to hold one.
    const maySerial = ranges.filter((r) => mayHoldSerialList(r.text))
    if (!maySerial.some((r) => seriesLists(r, mayHoldSerialList).some((l) => l.serial))) return []
    const lists = ranges.flatMap((r) => seriesLists(r))
    const serial = lists.filter((l) => l.serial).length
    if (serial === 0 || serial < lists.length - serial) return []
    // Bold text is a label or a title, quoted as its owners wrote it.
    return lists
      .filter((l) => !l.serial && !inStrong(l.range, l.start))
      .map((l): RuleMatch => ({ range: l.range, start: l.start, end: l.end, replacement: `,${l.range.text.slice(l.start, l.end)}`, expected: `, ${l.conjunction}` }))
  }
}

export const serialCommaCheck = defineCheck({
  name: 'serial-comma',
  summary: 'the serial comma, in a post that writes it in most of its lists',
  options,
  compile: (_rule, env) => overRanges(env, serialComma()),
})
