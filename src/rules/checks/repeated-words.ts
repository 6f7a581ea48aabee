import { z } from 'zod'
import type { ProseRange } from '../../markdown/prose-doc.js'
import { scopeFields, wordList } from '../kinds/common-fields.js'
import { defineCheck, overRanges, type KindOptions, type RangeChecker } from '../kinds/kind.js'
import { isSentenceStart, loweredWordsOf, wordsOf } from '../match/text-tools.js'
import type { RuleMatch } from '../rule-match.js'

const options = {
  ...scopeFields,
  allow: wordList('Words or phrases that may repeat (that that, had had).'),
  maxGap: z.int().min(0).max(6).optional().meta({ description: 'Most words between the two copies of a phrase (default 3).' }),
  relativize: wordList("When a repeated phrase ends in one of these verbs, the second copy becomes a relative clause ('metrics that are') instead of being removed."),
}

type Word = { word: string; start: number; end: number }

// Words too common to show a garbled phrase on their own ("in the ... in the").
const FUNCTION_WORDS = new Set(
  'a an the of in on at to for from by with and or but nor so as is are was were be been it its this that these those we you they he she i our your their not no'.split(' '),
)
const ADVERBS = new Set('also often always usually typically generally normally mostly still then now already actually really just only even'.split(' '))
const isAdverb = (w: string): boolean => ADVERBS.has(w) || (w.length > 4 && w.endsWith('ly'))
// A phrase ending in one of these, then its copy, is a deliberate pairing: "from a major version to a major version".
const PAIRING = new Set('to by after for over upon against into from and or than vs versus'.split(' '))

/** A doubled word ("the the") or a phrase repeated within a few words ("metrics are typically metrics are"). */
export function repetition(rule: KindOptions<typeof options>): RangeChecker {
  const allow = new Set((rule.allow ?? []).map((a) => a.toLowerCase().replace(/\s+/g, ' ')))
  const maxGap = rule.maxGap ?? 3
  const relativize = new Set((rule.relativize ?? []).map((v) => v.toLowerCase()))
  return (ranges) => {
    const out: RuleMatch[] = []
    for (const range of ranges) {
      const list = wordsOf(range)
      const lowered = loweredWordsOf(range)
      let skipUntil = -1
      for (let i = 0; i < list.length; i++) {
        if (i < skipUntil) continue
        const found = doubledWord(range, list, lowered, i, allow) ?? repeatedPhrase({ range, list, lowered, i, maxGap, relativize, allow })
        if (found) {
          out.push(found.match)
          skipUntil = found.resumeAt
        }
      }
    }
    return out
  }
}

const onlySpace = (text: string, from: number, to: number): boolean => /^\s+$/.test(text.slice(from, to))

function doubledWord(range: ProseRange, list: readonly Word[], lowered: readonly string[], i: number, allow: ReadonlySet<string>): { match: RuleMatch; resumeAt: number } | undefined {
  const a = list[i]
  const b = list[i + 1]
  if (!a || !b || lowered[i] !== lowered[i + 1] || /^\d/.test(a.word)) return undefined
  // "Zhu Zhu", "Rong Rong": both capitalised is a name; inner capitals mark identifiers.
  if (/^\p{Lu}/u.test(b.word) || /.\p{Lu}/u.test(a.word) || /.\p{Lu}/u.test(b.word)) return undefined
  // A name mid-sentence, then a word: "Gregor Zeitlinger [zeitlinger](...)" names the person, then the handle.
  if (/^\p{Lu}/u.test(a.word) && !isSentenceStart(range.text, a.start)) return undefined
  if (/["“'‘]$/.test(range.text.slice(0, a.start)) && /^["”'’]/.test(range.text.slice(b.end))) return undefined
  const word = lowered[i] as string
  // An allowed entry may name the word before the pair ("one more more": "one or more" lost its "or").
  if (!onlySpace(range.text, a.end, b.start) || allow.has(`${word} ${word}`) || (i > 0 && allow.has(`${lowered[i - 1] as string} ${word} ${word}`))) return undefined
  return { match: removal(range, b.start, b.end, word), resumeAt: i + 2 }
}

/** Removes the second copy with one adjoining space, so no line break is swallowed. */
function removal(range: ProseRange, start: number, end: number, expected: string): RuleMatch {
  const text = range.text
  if (text[end] === ' ') return { range, start, end: end + 1, replacement: '', expected }
  let s = start
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--
  return { range, start: s, end, replacement: '', expected }
}

interface PhraseSearch {
  readonly range: ProseRange
  readonly list: readonly Word[]
  readonly lowered: readonly string[]
  readonly i: number
  readonly maxGap: number
  readonly relativize: ReadonlySet<string>
  readonly allow: ReadonlySet<string>
}

function repeatedPhrase(s: PhraseSearch): { match: RuleMatch; resumeAt: number } | undefined {
  const { range, list, lowered, i } = s
  for (let k = 4; k >= 2; k--) {
    if (i + 2 * k > lowered.length) continue
    // Cheap test first: some later word within reach must equal the phrase's first word.
    const first = lowered[i] as string
    let reachable = false
    for (let j = i + k; j <= i + k + s.maxGap && j < lowered.length; j++) if (lowered[j] === first) reachable = true
    if (!reachable) continue
    const phrase = lowered.slice(i, i + k)
    if (phrase.every((w) => FUNCTION_WORDS.has(w))) continue
    const key = phrase.join(' ')
    if (s.allow.has(key) || PAIRING.has(phrase[k - 1] as string)) continue
    for (let gap = 0; gap <= s.maxGap; gap++) {
      const j = i + k + gap
      if (j + k > lowered.length || !phrase.every((w, n) => lowered[j + n] === w)) continue
      // A gap is a garble only in "metrics are typically metrics are": a linking verb, an adverb between.
      // Elsewhere it is parallel writing ("for one minute ... for one minute").
      if (gap > 0 && !(s.relativize.has(phrase[k - 1] as string) && lowered.slice(i + k, j).every(isAdverb))) continue
      const firstWord = list[i] as Word
      const copy = list.slice(j, j + k)
      const secondStart = (copy[0] as Word).start
      const secondEnd = (copy[k - 1] as Word).end
      // Across a dash the phrase is taken up again on purpose ("by the dashboard---the dashboard should").
      if (/[.!?;:,()–—]|--/.test(range.text.slice(firstWord.end, secondStart))) continue
      // A name written twice ("Marc Alff [Marc Alff](...)"): a person and the link to them.
      if ([...list.slice(i, i + k), ...copy].every((w) => /^\p{Lu}/u.test(w.word))) continue
      if (!/^[\s\p{L}\p{N}'’-]*$/u.test(range.text.slice(firstWord.start, secondEnd))) continue
      const lastWord = copy[k - 1] as Word
      if (gap > 0 && s.relativize.has(lowered[j + k - 1] as string)) {
        // "metrics are typically metrics are generated": the second copy was meant as a relative clause.
        return { match: { range, start: lastWord.start, end: lastWord.end, replacement: `that ${lastWord.word}`, expected: key }, resumeAt: j + k }
      }
      return { match: removal(range, secondStart, secondEnd, key), resumeAt: j + k }
    }
  }
  return undefined
}

export const repeatedWordsCheck = defineCheck({
  name: 'repeated-words',
  summary: 'doubled words, garbled repeated phrases',
  options,
  compile: (rule, env) => overRanges(env, repetition(rule)),
})
