import type { ProseDoc, ProseRange } from '../../markdown/prose-doc.js'
import type { PhraseMatcher } from '../match/phrase-index.js'
import { closesQuote, isSentenceStart, wordsOf, type Word } from '../match/text-tools.js'
import { isCommonWord } from '../match/word-list.js'
import type { WordChecker } from '../../spelling/hunspell.js'

/**
 * Why a capitalised word keeps its capital. Every rule that changes or judges the case
 * of a word (terms, generic-capitals, heading-case, the article rules) asks this one
 * module, so no two rules can disagree about what is a name.
 */
export type NameEvidence =
  /** Part of a term of the rule set, spelled as the term ("OpenTelemetry Collector"). */
  | 'term'
  /** CamelCase, an acronym, or glued to a name by `.` `/` `-` `_` ("Node.js", "Table/SQL"). */
  | 'code-like'
  /** Inside bold UI text: a menu path ("**Library > Options**") or a Title Case label. */
  | 'ui-label'
  /** Cited as written, inside or right after quotation marks. */
  | 'quoted'
  /** Opens the block or a sentence, or follows a colon or a list number ("1. Think"). */
  | 'sentence-start'
  /** Numbered or lettered ("Service 1", "Task C"), or after a version ("Flink 1.14 Release"). */
  | 'numbered'
  /** The post capitalises the word mid-sentence elsewhere more often than it writes it lower case. */
  | 'post-name'
  /** With its neighbour, a capitalised pair the post writes more than once, or a word before an acronym ("Table API"). */
  | 'name-pair'
  /** The dictionary does not know it as an ordinary lower-case word ("Linkerd"). */
  | 'not-a-common-word'
  /** Spelled out before its acronym ("Special Interest Group (SIG)", "OpenTelemetry Certified Associate (OTCA)"). */
  | 'expanded-acronym'

export interface PostNames {
  /** Why the word at `index` of the range's words keeps its capital; undefined for an ordinary word. */
  keepsCapital(range: ProseRange, index: number): NameEvidence | undefined
  /** Spans of the rule set's terms, as written, in a range. */
  termSpans(range: ProseRange): readonly (readonly [number, number])[]
}

/** The post's own evidence, gathered in one pass over its prose. */
interface PostEvidence {
  /** Capitalised mid-sentence, per word (prose and headings below the title). */
  readonly upper: ReadonlyMap<string, number>
  /** Written in lower case, per word. */
  readonly lower: ReadonlyMap<string, number>
  /** Written in lower case as a word of its own: not part of an identifier ("nodevoto-web"), not quoted (the “nodevoto” namespace). */
  readonly lowerWords: ReadonlyMap<string, number>
  /** Adjacent capitalised words ("Linkerd Hero"), over the whole post. */
  readonly pairs: ReadonlyMap<string, number>
  /** Adjacent lower-case words ("state backend"), in the prose: counted on first use, as few posts ask (a name pair written capitalised twice). */
  readonly lowerPairs: () => ReadonlyMap<string, number>
}

/**
 * What the post treats as a proper name. Pure: built from the post's prose and the rule
 * set's terms, once per post (see `postNamesMemo`), and read by every rule that asks.
 */
export function readPostNames(ranges: readonly ProseRange[], findTerms: PhraseMatcher | undefined, checker: () => WordChecker): PostNames {
  const evidence = gatherEvidence(ranges)
  const spans = new Map<ProseRange, readonly (readonly [number, number])[]>()
  const quotes = new Map<ProseRange, readonly (readonly [number, number])[]>()
  const termSpans = (range: ProseRange): readonly (readonly [number, number])[] => {
    let found = spans.get(range)
    if (!found) {
      found = findTerms ? findTerms(range).map((h) => [h.start, h.end] as const) : []
      spans.set(range, found)
    }
    return found
  }
  const quotedSpans = (range: ProseRange): readonly (readonly [number, number])[] => {
    let found = quotes.get(range)
    if (!found) {
      found = quotedIn(range.text)
      quotes.set(range, found)
    }
    return found
  }
  return {
    termSpans,
    keepsCapital: (range, index) => {
      const list = wordsOf(range)
      const w = list[index]
      // Only a capital needs a reason to stay.
      if (!w || !/\p{Lu}/u.test(w.word)) return undefined
      const text = range.text
      if (termSpans(range).some(([s, e]) => w.start < e && w.end > s)) return 'term'
      if (isCodeLike(w.word) || isGlued(text, w)) return 'code-like'
      if (inUiLabel(range, w)) return 'ui-label'
      if (isQuote(text[w.start - 1]) || quotedSpans(range).some(([s, e]) => w.start >= s && w.end <= e)) return 'quoted'
      if (opensSentence(text, w.start) || NUMBERED.test(text.slice(0, w.start)) || afterHeadingDash(range, w)) return 'sentence-start'
      if (isNumbered(range, w)) return 'numbered'
      if (expandsAcronym(range.text, list, index)) return 'expanded-acronym'
      if (isPostName(evidence, range, list, index)) return 'post-name'
      if (inNamePair(evidence, range, list, index)) return 'name-pair'
      // A word the dictionary lacks is a name, unless the post itself writes it in lower case more often ("adoption & enablement").
      if (/^\p{Lu}\p{Ll}+$/u.test(w.word) && !writtenAsCommonWord(evidence, range, list, index) && !isCommonWord(w.word, checker())) return 'not-a-common-word'
      return undefined
    },
  }
}

/** One PostNames per post and rule set, kept on the post itself so it dies with the post. */
export function postNamesMemo(findTerms: PhraseMatcher | undefined, checker: () => WordChecker): (doc: ProseDoc) => PostNames {
  const key = Symbol('post names')
  return (doc) => {
    const slots = doc as unknown as Record<symbol, PostNames | undefined>
    let names = slots[key]
    if (!names) {
      names = readPostNames(doc.ranges, findTerms, checker)
      slots[key] = names
    }
    return names
  }
}

function gatherEvidence(ranges: readonly ProseRange[]): PostEvidence {
  const upper = new Map<string, number>()
  const lower = new Map<string, number>()
  const lowerWords = new Map<string, number>()
  const pairs = new Map<string, number>()
  for (const range of ranges) {
    if (range.scope === 'frontmatter' || range.scope === 'link') continue
    const list = wordsOf(range)
    list.forEach((w, index) => {
      if (/^\p{Ll}+$/u.test(w.word)) {
        increment(lower, w.word)
        if (!isGlued(range.text, w) && !closesQuote(range.text[w.start - 1], range.text[w.end])) increment(lowerWords, w.word)
      } else if (countsAsMidSentenceCapital(range, list, index)) increment(upper, w.word)
      const previous = list[index - 1]
      if (!previous || !/^\s+$/.test(range.text.slice(previous.end, w.start))) return
      if (/^\p{Lu}/u.test(previous.word) && /^\p{Lu}/u.test(w.word)) increment(pairs, `${previous.word} ${w.word}`)
    })
  }
  let lowerPairs: Map<string, number> | undefined
  return { upper, lower, lowerWords, pairs, lowerPairs: () => (lowerPairs ??= countLowerPairs(ranges)) }
}

function countLowerPairs(ranges: readonly ProseRange[]): Map<string, number> {
  const lowerPairs = new Map<string, number>()
  for (const range of ranges) {
    if (range.scope === 'frontmatter' || range.scope === 'link' || range.scope === 'heading') continue
    const list = wordsOf(range)
    for (let index = 1; index < list.length; index++) {
      const w = list[index] as Word
      const previous = list[index - 1] as Word
      if (/^\p{Ll}/u.test(previous.word) && /^\p{Ll}/u.test(w.word) && /^\s+$/.test(range.text.slice(previous.end, w.start))) increment(lowerPairs, `${previous.word} ${w.word}`)
    }
  }
  return lowerPairs
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1)
}

/**
 * A capitalised word mid-sentence: the author's choice, not the sentence's. The title
 * (a level-1 heading) is left out: Title Case there is the blog's style, not evidence.
 */
function countsAsMidSentenceCapital(range: ProseRange, list: readonly Word[], index: number): boolean {
  const w = list[index] as Word
  return index > 0 && (range.scope !== 'heading' || (range.depth ?? 1) >= 2) && /^\p{Lu}\p{Ll}+$/u.test(w.word) && !/[.!?:]["'”’)]?\s*$/u.test(range.text.slice(0, w.start))
}

/**
 * Capitalised mid-sentence elsewhere in the post (prose or headings) more often than
 * written in lower case: the author treats it as a name ("Rust", "Deployment").
 * "Elsewhere": the occurrence judged is not its own evidence, so one capitalised
 * "Scheduler" is a slip to correct. Every occurrence judged sees the same count, so
 * every rule, in a heading or in prose, gets the same answer for the word.
 */
function isPostName(evidence: PostEvidence, range: ProseRange, list: readonly Word[], index: number): boolean {
  const word = (list[index] as Word).word
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return false
  const own = countsAsMidSentenceCapital(range, list, index) ? 1 : 0
  const upper = (evidence.upper.get(word) ?? 0) - own
  return upper > 0 && upper > (evidence.lower.get(word.toLowerCase()) ?? 0)
}

/**
 * Part of a capitalised run whose last words the acronym in parentheses after it spells:
 * their capitals read as the acronym exactly ("OpenTelemetry Certified Associate" gives
 * OTCA), and the word judged is one of them ("Hosting" before "Special Interest Group
 * (SIG)" is not).
 */
function expandsAcronym(text: string, list: readonly Word[], index: number): boolean {
  let end = index
  const joined = (a: Word, b: Word): boolean => /^\s+$/.test(text.slice(a.end, b.start))
  while (end + 1 < list.length && /^\p{Lu}/u.test((list[end + 1] as Word).word) && joined(list[end] as Word, list[end + 1] as Word)) end++
  const acronym = /^\s*\((\p{Lu}{2,})s?\)/u.exec(text.slice((list[end] as Word).end))?.[1]
  if (acronym === undefined) return false
  let capitals = ''
  for (let k = end; k >= 0 && /^\p{Lu}/u.test((list[k] as Word).word); k--) {
    if (k < end && !joined(list[k] as Word, list[k + 1] as Word)) break
    capitals = ((list[k] as Word).word.match(/\p{Lu}/gu) ?? []).join('') + capitals
    if (capitals.length >= acronym.length) return k <= index && capitals === acronym
  }
  return false
}

/** Written in lower case, as a word of its own, more often than capitalised mid-sentence elsewhere. */
function writtenAsCommonWord(evidence: PostEvidence, range: ProseRange, list: readonly Word[], index: number): boolean {
  const word = (list[index] as Word).word
  const own = countsAsMidSentenceCapital(range, list, index) ? 1 : 0
  return (evidence.lowerWords.get(word.toLowerCase()) ?? 0) > (evidence.upper.get(word) ?? 0) - own
}

function inNamePair(evidence: PostEvidence, range: ProseRange, list: readonly Word[], index: number): boolean {
  const w = list[index] as Word
  const previous = list[index - 1]
  const next = list[index + 1]
  const spaced = (a: Word, b: Word): boolean => /^\s+$/.test(range.text.slice(a.end, b.start))
  if (next && spaced(w, next)) {
    // Before an acronym or identifier ("Table API", "Transform UDF"): the first half of a name.
    if (/^\p{Lu}(?:\p{Lu}|\p{Ll}+\p{Lu})/u.test(next.word)) return true
    if (isNamePair(evidence, w.word, next.word)) return true
    // Before a word the post uses as a name ("Service Topology"); a determiner is no half of a name ("Your Ruby").
    if (!DETERMINERS.has(w.word.toLowerCase()) && isPostName(evidence, range, list, index + 1)) return true
  }
  if (!previous || !spaced(previous, w) || !/^\p{Lu}/u.test(previous.word)) return false
  if (isNamePair(evidence, previous.word, w.word)) return true
  // The rest of a name that opens with two names the post uses ("Google Compute Cloud").
  const before = list[index - 2]
  return before !== undefined && spaced(before, previous) && isPostName(evidence, range, list, index - 1) && isPostName(evidence, range, list, index - 2)
}

/** Written capitalised more than once, and more often than in lower case ("Linkerd Hero", not "State Backend" beside eight "state backend"). */
function isNamePair(evidence: PostEvidence, a: string, b: string): boolean {
  const capitalised = evidence.pairs.get(`${a} ${b}`) ?? 0
  return capitalised >= 2 && capitalised > (evidence.lowerPairs().get(`${a.toLowerCase()} ${b.toLowerCase()}`) ?? 0)
}

/** CamelCase or an acronym: written so on purpose ("DataStream", "JSON", "iOS"). */
function isCodeLike(word: string): boolean {
  return /\p{Ll}\p{Lu}/u.test(word) || /^\p{Lu}[\p{Lu}\p{N}]+s?$/u.test(word)
}

/** Part of a file name, dotted name, path or hyphenated name ("Node.js", "Table/SQL", "#Flink"). */
function isGlued(text: string, w: Word): boolean {
  const before = text[w.start - 1] ?? ''
  const after = text[w.end] ?? ''
  if (before === '#' || before === '@' || before === '$') return true
  const alnum = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c)
  return ('./-_'.includes(before) && before !== '' && alnum(text[w.start - 2])) || ('./-_'.includes(after) && after !== '' && alnum(text[w.end + 1]))
}

/** Bold text that names something in a UI: a menu path, or a label whose words are all capitalised. */
function inUiLabel(range: ProseRange, w: Word): boolean {
  for (const [s, e] of range.strong ?? []) {
    if (w.start < s || w.end > e) continue
    const label = range.text.slice(s, e)
    if (/[>→›»]|->/.test(label)) return true
    const labelWords = wordsOf({ text: label })
    return labelWords.length > 0 && labelWords.every((x) => /^[\p{Lu}\p{N}]/u.test(x.word) || MINOR_WORDS.has(x.word))
  }
  return false
}

/** A heading's trailing placeholder is markup (an icon, an anchor), not a number or code. */
function isNumbered(range: ProseRange, w: Word): boolean {
  // "Since 2021", "Before 1.12": a preposition before a year or version names nothing.
  if (PREPOSITIONS.has(w.word.toLowerCase())) return false
  const text = range.text
  const after = text.slice(w.end, w.end + 8)
  return /^\s*(?:\p{N}|\p{Lu}\b)/u.test(after) || (range.scope !== 'heading' && /^\s*\uFFFC/u.test(after)) || /\p{N}\s+$/u.test(text.slice(Math.max(0, w.start - 16), w.start))
}

function isQuote(c: string | undefined): boolean {
  return c === '"' || c === "'" || c === '“' || c === '‘'
}

/** Quoted text ("the 'Primary Key' feature") is cited as written. */
function quotedIn(text: string): (readonly [number, number])[] {
  if (!/['"‘“]/.test(text)) return []
  return [...text.matchAll(/"[^"]*"|“[^”]*”|‘[^’]*’|(?<!\p{L})'[^']*'(?!\p{L})/gu)].map((m) => [m.index, m.index + m[0].length] as const)
}

/** A sentence starts here, unless the period before it ends an abbreviation ("Latency vs. Throughput"). */
function opensSentence(text: string, start: number): boolean {
  // "TL;DR; Give me three things": what follows the summary's label opens a sentence.
  if (/\bTL;?DR[;:]\s*$/i.test(text.slice(Math.max(0, start - 12), start))) return true
  // A question or exclamation in parentheses is a sentence of its own: "(Is the system stable?)".
  if (text[start - 1] === '(' && /^[^()]*[?!]\)/u.test(text.slice(start))) return true
  if (!isSentenceStart(text, start)) return false
  const before = text.slice(Math.max(0, start - 12), start).trimEnd()
  return !ABBREVIATION.test(before)
}

const ABBREVIATION = /(?:^|[^\p{L}])(?:vs|e\.g|i\.e|cf|approx|incl|resp|Mr|Mrs|Ms|Dr|St|\p{Lu})\.$/u

/** "Step 1 — Install the app", "Linkerd 2.15 - What's new": a spaced dash in a heading opens a second title. */
function afterHeadingDash(range: ProseRange, w: Word): boolean {
  return range.scope === 'heading' && /\s[-–—]\s+$/u.test(range.text.slice(Math.max(0, w.start - 4), w.start))
}

/** "3- What", "2) Why", "1. Think": the first word after a list number starts a sentence. */
const NUMBERED = /^\s*\d+\s*[-.):]\s*$/

const PREPOSITIONS: ReadonlySet<string> = new Set(['since', 'before', 'after', 'until', 'till', 'from', 'through', 'around', 'about', 'during', 'under', 'over', 'for', 'in', 'to', 'by', 'at', 'on', 'of', 'with', 'than'])

const DETERMINERS: ReadonlySet<string> = new Set(['my', 'your', 'our', 'their', 'his', 'her', 'its', 'this', 'that', 'these', 'those', 'every', 'each', 'some', 'any', 'all', 'no'])

/** Words Title Case leaves in lower case. */
export const MINOR_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'as', 'at', 'by', 'in', 'of', 'off', 'on', 'per', 'to', 'up', 'via', 'vs', 'with', 'from', 'into', 'over', 'than', 'if', 'is'])
