import { z } from 'zod'
import type { ProseDoc, ProseRange } from '../../markdown/prose-doc.js'
import type { PhraseIndex, PhraseMatcher } from '../match/phrase-index.js'
import { scopeFields, wordList } from './common-fields.js'
import { defineKind, type KindOptions } from './kind.js'
import { closesQuote, inStrong, isSentenceStart, wordsOf, type Word } from '../match/text-tools.js'
import type { PostNames } from '../names/post-names.js'
import type { RuleMatch } from '../rule-match.js'

const termSpec = z.union([
  z.string().min(1),
  z.strictObject({
    term: z.string().min(1),
    variants: z.array(z.string().min(1)).optional().meta({ description: 'Other spellings to correct to the term.' }),
    exactVariantsOnly: z.boolean().optional().meta({ description: 'Only the listed variants are flagged, for terms that are also common words (Beam, Spark).' }),
  }),
])

export type TermSpec = z.infer<typeof termSpec>

const options = {
  ...scopeFields,
  terms: z.array(termSpec).optional().meta({ description: 'The one right spelling of each term; any other case of it is flagged. A rule needs terms, lowercase or both.' }),
  lowercase: z.array(z.string().min(1)).optional().meta({ description: 'Generic words that stay lower case mid-sentence (scheduler, legacy source).' }),
  exceptions: wordList('Matched text that is never corrected (exact case).'),
}

interface TermIndex {
  readonly canonical: Map<string, string>
  /** Terms that are also common words: only their listed variants, case-sensitive, are flagged. */
  readonly strictVariants: Map<string, string>
  /** A one-word name split in two at its inner capital ("Open Telemetry" for OpenTelemetry), exact case, corrected mid-sentence only. */
  readonly spacedVariants: Map<string, string>
  readonly find: PhraseMatcher | undefined
}

/** A one-word name of two parts, each capitalised ("OpenTelemetry", "GitHub") or the second an acronym ("MongoDB"). */
const TWO_PART_NAME = /^([A-Z][a-z]+)([A-Z][a-z]+|[A-Z]{2,})$/

function indexTerms(specs: readonly TermSpec[], index: PhraseIndex): TermIndex {
  const canonical = new Map<string, string>()
  const strictVariants = new Map<string, string>()
  const spacedVariants = new Map<string, string>()
  const phrases: string[] = []
  for (const spec of specs) {
    const term = typeof spec === 'string' ? spec : spec.term
    const variants = typeof spec === 'string' ? [] : spec.variants ?? []
    const strict = typeof spec !== 'string' && spec.exactVariantsOnly === true
    if (strict) {
      for (const v of variants) strictVariants.set(v, term)
    } else {
      canonical.set(term.toLowerCase(), term)
      for (const v of variants) canonical.set(v.toLowerCase(), term)
    }
    // A name written as two capitalised words ("Open Telemetry", "Git Hub", "Rabbit MQ"). A term
    // that is exactVariantsOnly may be made of ordinary words ("PagerDuty", "SoundCloud"), so it
    // is split only before an acronym ("MariaDB", "OpenSSL"); never when the two words are a
    // listed variant.
    const parts = TWO_PART_NAME.exec(term)
    const spaced = parts && (!strict || /^[A-Z]{2,}$/.test(parts[2] as string)) ? `${parts[1] as string} ${parts[2] as string}` : undefined
    if (spaced !== undefined && !canonical.has(spaced.toLowerCase()) && !strictVariants.has(spaced) && !variants.includes(spaced)) {
      spacedVariants.set(spaced, term)
      phrases.push(spaced)
    }
    phrases.push(term, ...variants)
  }
  const find = phrases.length > 0 ? index.add(phrases, { ignoreCase: true }) : undefined
  return { canonical, strictVariants, spacedVariants, find }
}

/**
 * Part of a file name, URL, identifier, hyphenated compound or colon-joined pair
 * (credentials "admin:flink", an image tag "flink:latest"): not prose to correct.
 */
function inIdentifier(text: string, start: number, end: number): boolean {
  const before = text[start - 1]
  const after = text[end]
  const joins = (c: string | undefined): boolean => c === '.' || c === '/' || c === '@' || c === '-' || c === '_' || c === '#' || c === ':'
  // A URL's scheme ("grpc://localhost:4317"), quoted rather than formatted as code.
  if (after === ':' && text.startsWith('//', end + 1)) return true
  // A notebook interpreter or magic ("%flink", "%python"), like a variable ("$flink").
  return before === '#' || before === '@' || before === '$' || before === '%'
    || (joins(before) && /[\p{L}\p{N}]/u.test(text[start - 2] ?? ''))
    || (joins(after) && /[\p{L}\p{N}]/u.test(text[end + 1] ?? ''))
}

/**
 * The one right spelling of terms, and generic words that stay lower case mid-sentence.
 * A generic word is lowered only when every word of its capitalised run is generic and
 * none is a name by the post's shared names (rules/names): "Legacy Source" is lowered,
 * "Google Cloud Storage", "Flink Metric" and a "Deployment" the post always capitalises are names.
 */
export function terms(rule: KindOptions<typeof options>, extraTerms: readonly string[], phrases: PhraseIndex, namesOf: (doc: ProseDoc) => PostNames): (doc: ProseDoc, ranges: readonly ProseRange[]) => RuleMatch[] {
  const index = indexTerms([...(rule.terms ?? []), ...extraTerms], phrases)
  const generic = new Set((rule.lowercase ?? []).flatMap((w) => w.toLowerCase().split(/\s+/)))
  const exceptions = new Set(rule.exceptions ?? [])
  return (doc, ranges) => {
    const out: RuleMatch[] = []
    for (const range of ranges) {
      const termSpans = checkSpellings(doc.source, range, index, exceptions, out)
      if (generic.size > 0 && range.scope !== 'heading') checkGeneric(range, generic, termSpans, namesOf(doc), out)
    }
    return out
  }
}

function checkSpellings(source: string, range: ProseRange, index: TermIndex, exceptions: ReadonlySet<string>, out: RuleMatch[]): [number, number][] {
  const spans: [number, number][] = []
  if (!index.find) return spans
  for (const { start, end, text } of index.find(range)) {
    spans.push([start, end])
    if (inIdentifier(range.text, start, end) || exceptions.has(text) || isLiteralName(source, range, start, end)) continue
    const strict = index.strictVariants.get(text)
    const spaced = text.replace(/\s+/g, ' ')
    const split = index.spacedVariants.get(spaced)
    if (split !== undefined) {
      // The fix is applied unreviewed (terms are `fix: safe`), so the post must write the name whole elsewhere:
      // "the Enterprise DB edition" or "chose Open Shift in the rota" may be words, not the name.
      if (isLoneSpacedName(range, start, end) && writesWhole(source, split)) out.push({ range, start, end, replacement: split })
      continue
    }
    const term = strict ?? index.canonical.get(spaced.toLowerCase())
    // A term wrapped across a line break ("Apache\nKafka") is already spelled right; spacing is doubled-spaces' job.
    if (term === undefined || spaced === term || isTitledLowercaseName(range.text, end, spaced, term) || spellsAcronym(range.text, end, spaced)) continue
    out.push({ range, start, end, replacement: term })
  }
  return spans
}

/**
 * Two capitalised words that spell a one-word name ("Open Telemetry") are that name only
 * mid-sentence, outside bold UI labels and on their own: at a sentence start the first word
 * may be a verb or determiner ("Open Search settings", "My SQL query"), and inside a longer
 * run of capitals they belong to a title or another name ("Cloud Data Fusion", "Open
 * Telemetry Collector Tutorial").
 */
function isLoneSpacedName(range: ProseRange, start: number, end: number): boolean {
  const text = range.text
  if (isSentenceStart(text, start) || inStrong(range, start)) return false
  const capitalBefore = /\p{Lu}[\p{L}\p{N}]*\s$/u.test(text.slice(Math.max(0, start - 40), start))
  const capitalAfter = /^\s\p{Lu}/u.test(text.slice(end, end + 2))
  return !capitalBefore && !capitalAfter
}

/** The post writes the name as one word somewhere (not inside a longer word). */
function writesWhole(source: string, name: string): boolean {
  for (let at = source.indexOf(name); at >= 0; at = source.indexOf(name, at + 1)) {
    if (!/[\p{L}\p{N}]/u.test(source[at - 1] ?? '') && !/[\p{L}\p{N}]/u.test(source[at + name.length] ?? '')) return true
  }
  return false
}

/**
 * A name its makers write in lower case ("kubelet", "minikube"), capitalised before another
 * capitalised word, is the first word of a title or a component's name ("Kubelet Stats
 * Receiver", "KEP 2831 Kubelet Tracing"), not the name misspelled.
 */
function isTitledLowercaseName(text: string, end: number, written: string, term: string): boolean {
  return /^[\p{Ll}\p{N}.-]+$/u.test(term) && /^\p{Lu}\p{Ll}/u.test(written) && /^\s\p{Lu}/u.test(text.slice(end, end + 2))
}

/**
 * Extra capitals that spell out an acronym with the initials of the words after them
 * ("FLink Improvement Proposal" for FLIP), where the acronym is used in the same text.
 */
function spellsAcronym(text: string, end: number, written: string): boolean {
  const capitals = /^\p{Lu}{2,}(?=\p{Ll})/u.exec(written)?.[0]
  if (capitals === undefined) return false
  const initials: string[] = []
  for (const word of text.slice(end, end + 80).split(/\s+/).slice(1, 5)) {
    if (!/^\p{Lu}/u.test(word)) break
    initials.push(word[0] as string)
  }
  for (let n = initials.length; n > 0; n--) {
    if (new RegExp(`\\b${capitals}${initials.slice(0, n).join('')}s?\\b`, 'u').test(text)) return true
  }
  return false
}

/**
 * A lower-case name set off on its own is the literal name as typed, not the product: in
 * bold ("**jaeger**, which contains the Jaeger collector": an extension), in quotes (the
 * “zookeeper” step of a plan) or as a reference link's label ("the [istio] script", where
 * the text is also the key of its `[istio]: url` definition).
 */
function isLiteralName(source: string, range: ProseRange, start: number, end: number): boolean {
  if (!/^[^\p{Lu}]+$/u.test(range.text.slice(start, end))) return false
  if ((range.strong ?? []).some(([s, e]) => s === start && e === end)) return true
  // A quoted prefix keeps its separator inside the quotes (a "flink." prefix).
  const closing = /^[.:]/.test(range.text[end] ?? '') ? range.text[end + 1] : range.text[end]
  if (closesQuote(range.text[start - 1], closing)) return true
  return isReferenceLabel(source, range.offsets[start] ?? -1, range.offsets[end - 1] ?? -1)
}

/** `[label]` or `[label][]`: a shortcut or collapsed reference link, whose text is its label. */
function isReferenceLabel(source: string, first: number, last: number): boolean {
  if (first < 1 || last < 0 || source[first - 1] !== '[' || source[last + 1] !== ']') return false
  const after = source.slice(last + 2, last + 4)
  return !after.startsWith('(') && (!after.startsWith('[') || after === '[]')
}

function checkGeneric(range: ProseRange, generic: ReadonlySet<string>, termSpans: readonly [number, number][], names: PostNames, out: RuleMatch[]): void {
  const list = wordsOf(range)
  let i = 0
  while (i < list.length) {
    const first = list[i]
    if (!first || !startsUpper(first.word)) {
      i++
      continue
    }
    // A capitalised run: consecutive words starting upper case (acronyms too: "Source API"), one space apart.
    let j = i
    while (j + 1 < list.length && !isPossessive(list[j]?.word ?? '') && startsUpper(list[j + 1]?.word ?? '') && oneSpaceApart(range.text, list[j] as Word, list[j + 1] as Word)) j++
    // A possessive name ("Flink's") owns the words after it; it does not join their run.
    const run = list.slice(i, j + 1)
    const runStart = i
    i = j + 1
    if (run.length === 1 && isPossessive(first.word)) continue
    const startOffset = run[0]?.start ?? 0
    const endOffset = run[run.length - 1]?.end ?? 0
    // Spelled-wrong terms (matched case-insensitively) are the spelling check's, not names to lower.
    if (termSpans.some(([s, e]) => s < endOffset && e > startOffset)) continue
    if (!run.every((w) => isCapitalised(w.word) && generic.has(w.word.toLowerCase()))) continue
    if (run.some((_, k) => names.keepsCapital(range, runStart + k) !== undefined)) continue
    out.push({ range, start: startOffset, end: endOffset, replacement: range.text.slice(startOffset, endOffset).toLowerCase() })
  }
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}[\p{Ll}'’-]+$/u.test(word)
}

function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0)
  if (c < 128) return c >= 65 && c <= 90
  return /^\p{Lu}/u.test(word)
}

function isPossessive(word: string): boolean {
  const n = word.length
  return n > 1 && word.charCodeAt(n - 1) === 115 && (word.charCodeAt(n - 2) === 39 || word.charCodeAt(n - 2) === 0x2019)
}

/** One whitespace character between two words, as in a name ("Apache Flink"). */
function oneSpaceApart(text: string, a: Word, b: Word): boolean {
  return b.start === a.end + 1 && /\s/.test(text[a.end] as string)
}

export const termsKind = defineKind({
  name: 'terms',
  summary: 'wrong spelling or case of names; generic words capitalised mid-sentence',
  options,
  needsOneOf: ['terms', 'lowercase'],
  compile: (rule, env) => {
    const check = terms(rule, env.extraTerms, env.phrases, env.namesOf)
    return (doc) => check(doc, env.rangesOf(doc))
  },
})
