import type { HouseStyle } from '../config/house-style.js'
import { compareCodeUnits } from '../core/compare.js'
import { readFrontMatter } from '../markdown/front-matter.js'
import { parseMarkdown } from '../markdown/parse.js'
import type { ProseRange } from '../markdown/prose-doc.js'
import { collectProse } from '../markdown/prose-ranges.js'
import { isSentenceStart, wordsOf } from '../rules/match/text-tools.js'
import { isCommonWord } from '../rules/match/word-list.js'
import type { Dictionary } from '../spelling/dictionary.js'
import { MINOR_WORDS } from '../rules/names/post-names.js'

export interface PublishedPost {
  readonly path: string
  readonly source: string
}

/** A setting is learned only when this share of the evidence agrees. */
const HEADING_MAJORITY = 0.8
const LIST_MAJORITY = 0.8
/** A term: one spelling in at least this many posts and this share of its uses. */
export const TERM_MIN_POSTS = 3
export const TERM_MIN_SHARE = 0.95

/**
 * The house style of a blog, from its published posts: what the posts agree on. Pure.
 * Each setting is written only when the posts clearly agree; a mixed blog gets none.
 */
export function learnHouseStyle(posts: readonly PublishedPost[], dictionary: Dictionary): HouseStyle {
  const isCommon = (word: string): boolean => isCommonWord(word, dictionary.checker())
  const read = posts.map((post) => {
    const tree = parseMarkdown(post.source)
    return { frontMatter: readFrontMatter(tree, post.source), ranges: collectProse(tree, post.source) }
  })
  const headingCase = learnHeadingCase(read.map((r) => r.ranges), isCommon)
  const listItemPunctuation = learnListPunctuation(read.map((r) => r.ranges))
  const withFrontMatter = read.filter((r) => r.frontMatter !== undefined).map((r) => frontMatterValues(r.frontMatter?.fields ?? []))
  const required = everyPostHas(withFrontMatter)
  const authored = read.map((r) => ({ ranges: r.ranges, authors: authorsOf(frontMatterValues(r.frontMatter?.fields ?? [])) }))
  const terms = learnTerms(authored, isCommon)
  const headings = headingCase === 'title' ? [] : learnSectionHeadings(authored, isCommon)
  const vocabulary = learnVocabulary(authored, dictionary)
  return {
    ...(headingCase ? { headingCase } : {}),
    ...(headings.length > 0 ? { headings } : {}),
    ...(listItemPunctuation ? { listItemPunctuation } : {}),
    ...(required.length > 0 ? { frontMatter: { required } } : {}),
    ...(terms.length > 0 ? { terms } : {}),
    ...(vocabulary.length > 0 ? { vocabulary } : {}),
  }
}

type Fields = ReadonlyMap<string, unknown>

/** Front-matter values by field name, nested maps flattened one level ("params.author"). */
function frontMatterValues(fields: readonly { name: string; value: unknown }[]): Fields {
  const out = new Map<string, unknown>()
  for (const { name, value } of fields) {
    if (isFilled(value)) out.set(name, value)
    if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
      for (const [key, inner] of Object.entries(value)) if (isFilled(inner)) out.set(`${name}.${key}`, inner)
    }
  }
  return out
}

function isFilled(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)
}

/** Fields every post with front matter fills (at least three posts), in the order posts write them. */
function everyPostHas(posts: readonly Fields[]): string[] {
  const first = posts[0]
  if (!first || posts.length < 3) return []
  // A map itself (params) is not a field a post fills; its entries are.
  return [...first.keys()].filter((name) => posts.every((p) => p.has(name)) && !isMapEverywhere(posts, name))
}

function isMapEverywhere(posts: readonly Fields[], name: string): boolean {
  return posts.every((p) => {
    const v = p.get(name)
    return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
  })
}

/** Who wrote a post: author(s) at the top or under params (Hugo). */
function authorsOf(fields: Fields): string[] {
  for (const name of ['author', 'authors', 'params.author', 'params.authors']) {
    const v = fields.get(name)
    if (typeof v === 'string') return [v]
    if (Array.isArray(v)) return v.map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))
  }
  return []
}

/** Title Case or sentence case, from the headings below the title that show which they are. */
function learnHeadingCase(posts: readonly (readonly ProseRange[])[], isCommon: (word: string) => boolean): HouseStyle['headingCase'] {
  let title = 0
  let sentence = 0
  for (const ranges of posts) {
    for (const range of ranges) {
      if (range.scope !== 'heading' || (range.depth ?? 1) < 2) continue
      const style = headingStyle(range, isCommon)
      if (style === 'title') title++
      else if (style === 'sentence') sentence++
    }
  }
  const shown = title + sentence
  if (shown < 5) return undefined
  if (title / shown >= HEADING_MAJORITY) return 'title'
  if (sentence / shown >= HEADING_MAJORITY) return 'sentence'
  return undefined
}

/**
 * A heading shows its style through its ordinary words after the first: a lower-case one
 * (not a minor word) is sentence case; capitalised ones and no lower-case ones are Title Case.
 */
function headingStyle(range: ProseRange, isCommon: (word: string) => boolean): 'title' | 'sentence' | undefined {
  let capitalised = false
  const list = wordsOf(range)
  for (let i = 1; i < list.length; i++) {
    const w = (list[i] as { word: string }).word
    if (/^\p{Ll}+$/u.test(w) && !MINOR_WORDS.has(w) && isCommon(w)) return 'sentence'
    if (/^\p{Lu}\p{Ll}+$/u.test(w) && !isSentenceStart(range.text, (list[i] as { start: number }).start) && isCommon(w)) capitalised = true
  }
  return capitalised ? 'title' : undefined
}

/**
 * Section headings the blog reuses: a Title Case heading written one way in at least three
 * posts, by more than one author when posts name them, and in 95% of the posts that have it
 * in any case ("List of Contributors" in 48 release posts, one "List of contributors").
 * The same bar as a term: a series' own heading, not a slip copied once ("Discussion
 * Highlights" beside a "Discussion highlights" stays a slip in a sentence-case blog).
 */
function learnSectionHeadings(posts: readonly { ranges: readonly ProseRange[]; authors: readonly string[] }[], isCommon: (word: string) => boolean): string[] {
  const bySpelling = new Map<string, { posts: Set<number>; authors: Set<string> }>()
  const byText = new Map<string, Set<number>>()
  const anyAuthors = posts.some((p) => p.authors.length > 0)
  posts.forEach((post, index) => {
    for (const range of post.ranges) {
      if (range.scope !== 'heading' || (range.depth ?? 1) < 2) continue
      const text = headingText(range)
      if (text === '') continue
      const key = text.toLowerCase()
      byText.set(key, (byText.get(key) ?? new Set()).add(index))
      if (headingStyle(range, isCommon) !== 'title') continue
      const use = bySpelling.get(text) ?? { posts: new Set(), authors: new Set() }
      use.posts.add(index)
      for (const a of post.authors) use.authors.add(a)
      bySpelling.set(text, use)
    }
  })
  const headings: string[] = []
  for (const [text, use] of bySpelling) {
    if (use.posts.size < TERM_MIN_POSTS || (anyAuthors && use.authors.size < 2)) continue
    const all = byText.get(text.toLowerCase())?.size ?? 0
    if (use.posts.size >= all * TERM_MIN_SHARE) headings.push(text)
  }
  return headings.sort(compareCodeUnits)
}

/** A heading's words as a reader sees them, white space made single: how headings are compared. */
export function headingText(range: ProseRange): string {
  return range.text.replace(/\s+/g, ' ').trim()
}

/**
 * The blog's vocabulary: lower-case words no dictionary or jargon list knows ("metas",
 * "kubelet") written so in at least three posts, by more than one author when posts name
 * them. Spelling accepts them: a word the blog's other posts use as written is no typo
 * there. A misspelling people really make ("seperate") stays one, however often it recurs.
 */
function learnVocabulary(posts: readonly { ranges: readonly ProseRange[]; authors: readonly string[] }[], dictionary: Dictionary): string[] {
  const uses = new Map<string, { posts: Set<number>; authors: Set<string> }>()
  const anyAuthors = posts.some((p) => p.authors.length > 0)
  posts.forEach((post, index) => {
    for (const range of post.ranges) {
      if (range.scope === 'frontmatter' || range.scope === 'link') continue
      for (const w of wordsOf(range)) {
        if (!/^[a-z]{4,}$/.test(w.word)) continue
        const use = uses.get(w.word) ?? { posts: new Set(), authors: new Set() }
        use.posts.add(index)
        for (const a of post.authors) use.authors.add(a)
        uses.set(w.word, use)
      }
    }
  })
  const checker = dictionary.checker()
  const [words, jargon, misspellings] = [dictionary.words(), dictionary.jargon(), dictionary.misspellings()]
  const vocabulary: string[] = []
  for (const [word, use] of uses) {
    if (use.posts.size < TERM_MIN_POSTS || (anyAuthors && use.authors.size < 2)) continue
    if (checker.isKnown(word) || words.has(word) || jargon.has(word) || misspellings(word) !== undefined) continue
    vocabulary.push(word)
  }
  return vocabulary.sort()
}

/** Whether list items end with a period, from lists of at least three items. */
function learnListPunctuation(posts: readonly (readonly ProseRange[])[]): HouseStyle['listItemPunctuation'] {
  let period = 0
  let none = 0
  for (const ranges of posts) {
    for (const range of ranges) {
      if (!range.list || range.list.itemCount < 3) continue
      const text = range.text.trimEnd()
      if (text === '' || /[:;,!?]$/.test(text)) continue
      if (text.endsWith('.')) period++
      else none++
    }
  }
  const shown = period + none
  if (shown < 10) return undefined
  if (period / shown >= LIST_MAJORITY) return 'period'
  if (none / shown >= LIST_MAJORITY) return 'none'
  return undefined
}

interface TermUse {
  posts: Set<number>
  authors: Set<string>
  uses: number
}

/**
 * Names the blog spells one way: a word written with a capital (Linkerd, OpenTelemetry,
 * gRPC) that is no ordinary English word, in one spelling in at least three posts and
 * 95% of its uses mid-sentence, and by more than one author when the posts name them
 * (never one author's habit). Sentence starts are not uses: the sentence capitalises them.
 */
function learnTerms(posts: readonly { ranges: readonly ProseRange[]; authors: readonly string[] }[], isCommon: (word: string) => boolean): string[] {
  const bySpelling = new Map<string, TermUse>()
  const byWord = new Map<string, number>()
  const anyAuthors = posts.some((p) => p.authors.length > 0)
  posts.forEach((post, index) => {
    for (const range of post.ranges) {
      if (range.scope === 'frontmatter' || range.scope === 'link') continue
      for (const w of wordsOf(range)) {
        if (w.word.length < 3 || /^\p{N}/u.test(w.word) || /['’]/.test(w.word)) continue
        // A sentence's first word is capitalised by the sentence, not by the blog.
        if (isSentenceStart(range.text, w.start)) continue
        const key = w.word.toLowerCase()
        byWord.set(key, (byWord.get(key) ?? 0) + 1)
        if (!/\p{Lu}/u.test(w.word)) continue
        let use = bySpelling.get(w.word)
        if (!use) {
          use = { posts: new Set(), authors: new Set(), uses: 0 }
          bySpelling.set(w.word, use)
        }
        use.uses++
        use.posts.add(index)
        for (const a of post.authors) use.authors.add(a)
      }
    }
  })
  const terms: string[] = []
  for (const [spelling, use] of bySpelling) {
    if (use.posts.size < TERM_MIN_POSTS) continue
    if (anyAuthors && use.authors.size < 2) continue
    const all = byWord.get(spelling.toLowerCase()) ?? 0
    if (use.uses < all * TERM_MIN_SHARE) continue
    // All capitals is an acronym, read as written anyway; an ordinary word is not a name;
    // a compound or a numbered word (FLIP-27, Flink-specific) is no name to spell.
    if (/^[\p{Lu}\p{N}]+s?$/u.test(spelling) || /[\p{N}_-]/u.test(spelling) || isCommon(spelling)) continue
    // Worth a term only when its spelling is distinctive (OpenTelemetry, gRPC) or the blog
    // has written it another way (a "linkerd" beside many "Linkerd"); a person's name is neither.
    if (!/\p{Ll}\p{Lu}/u.test(spelling) && use.uses === all) continue
    terms.push(spelling)
  }
  return terms.sort((a, b) => compareCodeUnits(a.toLowerCase(), b.toLowerCase()) || compareCodeUnits(a, b))
}
