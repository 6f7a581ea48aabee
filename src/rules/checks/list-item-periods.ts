import type { ProseDoc, ProseRange } from '../../markdown/prose-doc.js'
import { PLACEHOLDER } from '../../markdown/align-text.js'
import { defineCheck } from '../kinds/kind.js'
import { ABBREVIATION_END, OPEN_ENDING, paragraphEnd, SENTENCE_BREAK } from '../match/sentence-end.js'
import type { RuleMatch } from '../rule-match.js'

/** How an item's text ends: a full stop, a word (or a closing bracket, a link, code), or anything else (a colon, a question, an ellipsis, "etc."). */
type Ending = 'period' | 'none' | 'other'

// ".)", ".”": the sentence ends inside the bracket or quotation.
const PERIOD_END = /[^.]\.["'”’)]?$/
const OTHER_END = /(?:\.\.\.|…|[:;,!?]["'”’)]?)$/
// An item opening like this closes the list ("… and much more."): its period is its own.
const CLOSER = /^(?:…|\.\.\.|(?:and|or|plus)\b)/i
const MIN_ITEMS = 3
const MIN_WORDS = 3
const MAX_FRAGMENT_WORDS = 20

function endingOf(text: string): Ending {
  if (OTHER_END.test(text) || ABBREVIATION_END.test(text)) return 'other'
  if (PERIOD_END.test(text)) return 'period'
  return /[\p{L}\p{N})\]"'”’`]$/u.test(text) || text.endsWith(PLACEHOLDER) ? 'none' : 'other'
}

const wordCount = (text: string): number => text.split(/\s+/).length
const lastWord = (text: string): string => (/([\p{L}]+)\W*$/u.exec(text)?.[1] ?? '').toLowerCase()

/**
 * One item that ends unlike all its siblings: in a list of three or more one-paragraph
 * items where every other item ends with a period, the one without gets it; where none
 * does, a lone period goes, unless the others are long enough to be sentences that lost
 * theirs. Items that run on as one sentence ("Start it, then"), close the list ("and
 * more."), hold several sentences, or end on code or a colon are left alone, and so is
 * every list with any other mix.
 */
function listItemPeriods(doc: ProseDoc): RuleMatch[] {
  const lists = new Map<number, ProseRange[]>()
  for (const range of doc.ranges) {
    if (!range.list) continue
    const items = lists.get(range.list.listId)
    if (items) items.push(range)
    else lists.set(range.list.listId, [range])
  }
  const out: RuleMatch[] = []
  for (const items of lists.values()) {
    // An item with a nested list or code after its first paragraph ends elsewhere.
    if (items.length < MIN_ITEMS || items.length !== items[0]?.list?.itemCount || items.some((i) => i.list?.blocks !== 1)) continue
    const texts = items.map((i) => i.text.trimEnd())
    const endings = texts.map(endingOf)
    if (endings.includes('other')) continue
    // A list that is one sentence cut into items ("Start it, then / Run it, then / Wait.").
    if (texts.some((t) => OPEN_ENDING.has(lastWord(t)) || lastWord(t) === 'then')) continue
    const periods = endings.filter((e) => e === 'period').length
    if (periods === items.length - 1) {
      const index = endings.indexOf('none')
      const match = addPeriod(doc, items[index] as ProseRange, texts[index] as string)
      if (match) out.push(match)
    } else if (periods === 1) {
      const index = endings.indexOf('period')
      const text = texts[index] as string
      // "(We are asked.)": a bracketed sentence keeps its period.
      if (!/[^.]\.$/.test(text) || SENTENCE_BREAK.test(text) || CLOSER.test(text.trimStart())) continue
      // Long items without a period are sentences that lost theirs: the lone period is right.
      if (texts.some((t, i) => i !== index && wordCount(t) > MAX_FRAGMENT_WORDS)) continue
      const item = items[index] as ProseRange
      out.push({ range: item, start: text.length - 1, end: text.length, replacement: '', message: 'Remove this period: the other items of this list end without one.' })
    }
  }
  return out
}

function addPeriod(doc: ProseDoc, item: ProseRange, text: string): RuleMatch | undefined {
  if (wordCount(text) < MIN_WORDS) return undefined
  const end = paragraphEnd(doc, item)
  if (end === undefined) return undefined
  const last = doc.source[end - 1] as string
  return { start: end - 1, end, replacement: `${last}.`, message: 'End this item with a period, as the other items of this list do.' }
}

export const listItemPeriodsCheck = defineCheck({
  name: 'list-item-periods',
  summary: 'the one list item that ends with a period, or without one, unlike all the others',
  options: {},
  compile: () => listItemPeriods,
})
