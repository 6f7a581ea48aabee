import { z } from 'zod'
import { scopeFields } from '../kinds/common-fields.js'
import { defineCheck, overRanges, type KindOptions, type RangeChecker } from '../kinds/kind.js'
import { inStrong, isSentenceStart, wordsOf, type Word } from '../match/text-tools.js'
import type { ProseRange } from '../../markdown/prose-doc.js'
import { tagSentence, type TaggedToken } from '../../vale/pos-tags.js'
import type { RuleMatch } from '../rule-match.js'

const options = {
  ...scopeFields,
  minUses: z.int().min(2).optional().meta({ description: 'How often the post must write a name one way before another spelling of it is a slip (default 3).' }),
  ratio: z.number().min(1).optional().meta({ description: 'How many times more often the usual spelling must appear than all others together (default 3).' }),
}

/** One word of letters and digits; a name among them has a capital after its first letter ("DataFusion", "TimescaleDB"). */
const ONE_WORD = /^[A-Za-z][A-Za-z0-9]*$/
const HAS_INNER_CAPITAL = /[a-z0-9][A-Z]/
/** A capitalised ordinary word, for names of several words ("Durable Objects"). */
const CAPITALISED = /^[A-Z][a-z]+$/
/** Characters that glue a word to a path, host, handle or identifier around it. */
const GLUE = /[./@_#$\\-]/

interface Use {
  readonly range: ProseRange
  readonly start: number
  readonly end: number
  readonly form: string
  /** False for a use that counts against the majority but is never changed. */
  readonly fixable: boolean
}

/**
 * A name the post writes one way, again and again, and once or twice another way: "DataFusion"
 * five times and "Datafusion" once, "Durable Objects" mid-sentence throughout and "durable
 * objects" in one line. The usual spelling is the post's own, so no list of names is needed;
 * only a clear majority (`minUses`, `ratio`) makes the other spelling a slip. Two kinds of
 * name are compared: one word with a capital inside (its other case is no English word), and
 * two or three capitalised words written mid-sentence (a product's name in ordinary words;
 * headings, bold UI labels and sentence starts do not count, their capitals say nothing).
 */
export function nameConsistency(rule: KindOptions<typeof options>, termWords: ReadonlySet<string>): RangeChecker {
  // A name of the rule set's terms is spelled by the terms rules, which know its one right form.
  const termed = new Set([...termWords].map((w) => w.toLowerCase()))
  const minUses = rule.minUses ?? 3
  const ratio = rule.ratio ?? 3
  return (ranges) => {
    const byName = new Map<string, Use[]>()
    const add = (key: string, use: Use) => {
      const list = byName.get(key)
      if (list) list.push(use)
      else byName.set(key, [use])
    }
    for (const range of ranges) collectWords(range, add)
    // Runs of lower-case words are looked up only for names written capitalised somewhere.
    const phrases = new Set<string>()
    for (const range of ranges) collectCapitalisedRuns(range, (key, use) => (phrases.add(key), add(key, use)))
    if (phrases.size > 0) {
      const firstWords = new Set([...phrases].map((p) => p.split(' ')[0] as string))
      for (const range of ranges) collectLowerRuns(range, phrases, firstWords, add)
    }
    const out: RuleMatch[] = []
    for (const [key, uses] of byName) {
      // Fewer uses than minUses + 1 leave no usual spelling with another beside it.
      if (uses.length <= minUses || key.split(' ').every((w) => termed.has(w))) continue
      const counts = new Map<string, number>()
      for (const u of uses) counts.set(u.form, (counts.get(u.form) ?? 0) + 1)
      const [usual, usualCount] = [...counts].sort((a, b) => b[1] - a[1])[0] as [string, number]
      const others = uses.length - usualCount
      if (others === 0 || usualCount < minUses || usualCount < ratio * others || !isNameForm(usual)) continue
      for (const u of uses) {
        if (u.form !== usual && u.fixable) out.push({ range: u.range, start: u.start, end: u.end, replacement: withForm(u.range.text.slice(u.start, u.end), usual) })
      }
    }
    return out
  }
}

/** The spelling a name takes: a capital inside one word, or every word capitalised. */
function isNameForm(form: string): boolean {
  return form.includes(' ') ? form.split(' ').every((w) => CAPITALISED.test(w)) : HAS_INNER_CAPITAL.test(form)
}

/** The usual spelling on a use, keeping the use's plural ending ("durable objects" -> "Durable Objects"). */
function withForm(written: string, usual: string): string {
  const writtenWords = written.split(' ')
  return usual.split(' ').map((w, i) => w + (writtenWords[i] as string).slice(w.length)).join(' ')
}

/** Every one-word spelling, keyed by its lower case; capitals only (a house style: "NGINX") are left out. */
function collectWords(range: ProseRange, add: (key: string, use: Use) => void): void {
  const text = range.text
  for (const w of wordsOf(range)) {
    const word = stem(w.word)
    if (!ONE_WORD.test(word) || word.length < 3 || word === word.toUpperCase() || glued(text, w.start, w.start + word.length)) continue
    // A name in lower case is often the package, repository or header it names ("hashiqube",
    // "tracestate"): it weighs against the majority but is never changed.
    add(word.toLowerCase(), { range, start: w.start, end: w.start + word.length, form: word, fixable: word !== word.toLowerCase() })
  }
}

/** Two or three capitalised words mid-sentence, the whole of a run of capitals, outside headings and bold UI labels. */
function collectCapitalisedRuns(range: ProseRange, add: (key: string, use: Use) => void): void {
  if (range.scope === 'heading') return
  const list = wordsOf(range)
  const text = range.text
  for (let i = 0; i + 1 < list.length; i++) {
    const first = list[i] as Word
    if (!CAPITALISED.test(stem(first.word)) || isSentenceStart(text, first.start) || inStrong(range, first.start)) continue
    const before = list[i - 1]
    // A capital before it belongs to the same name, unless it only opens the sentence ("Each Durable Object").
    if (before && adjacent(text, [before, first]) && /^\p{Lu}/u.test(before.word) && !isSentenceStart(text, before.start)) continue
    for (const size of [3, 2]) {
      const run = list.slice(i, i + size)
      if (run.length < size || !adjacent(text, run) || !run.every((w) => CAPITALISED.test(stem(w.word)))) continue
      const after = list[i + size]
      if (after && adjacent(text, [run[size - 1] as Word, after]) && /^\p{Lu}/u.test(after.word)) break
      add(keyOf(run), useOf(range, run, true))
      break
    }
  }
}

/** Lower-case runs of the words of a name the post writes capitalised (`firstWords`: the first word of each of `phrases`). */
function collectLowerRuns(range: ProseRange, phrases: ReadonlySet<string>, firstWords: ReadonlySet<string>, add: (key: string, use: Use) => void): void {
  const list = wordsOf(range)
  const text = range.text
  // Tagged once per range, and only when a run of it is a name's words.
  let tokens: readonly TaggedToken[] | undefined
  const tagged = (): readonly TaggedToken[] => (tokens ??= tagSentence(text, 0, text.length))
  for (let i = 0; i + 1 < list.length; i++) {
    // A run's key starts with its first word's key: most words start no name's run (this check was the costliest rule).
    if (!firstWords.has(singular(stem((list[i] as Word).word).toLowerCase()))) continue
    for (const size of [3, 2]) {
      const run = list.slice(i, i + size)
      if (run.length < size || !run.every((w) => /^[a-z]+$/.test(stem(w.word))) || !adjacent(text, run)) continue
      const key = keyOf(run)
      if (phrases.has(key)) add(key, useOf(range, run, startsWithNoun(tagged(), run[0] as Word)))
    }
  }
}

function keyOf(run: readonly Word[]): string {
  return run.map((w) => singular(stem(w.word).toLowerCase())).join(' ')
}

function useOf(range: ProseRange, run: readonly Word[], fixable: boolean): Use {
  const first = run[0] as Word
  const last = run[run.length - 1] as Word
  return { range, start: first.start, end: last.start + stem(last.word).length, form: run.map((w) => singular(stem(w.word))).join(' '), fixable }
}

/**
 * A name of ordinary words is a noun compound ("session mode", "table store"); in lower case
 * after an adjective ("stateful functions", "speculative execution") the words describe
 * rather than name, so such a use counts against the majority but is never changed.
 */
function startsWithNoun(tokens: readonly TaggedToken[], first: Word): boolean {
  const token = tokens.find((t) => t.start === first.start)
  return token !== undefined && (token.tag === 'NN' || token.tag === 'NNS')
}

/** A word glued to a path, host, handle or identifier around it ("opentelemetry.io", "@Flink"). */
function glued(text: string, start: number, end: number): boolean {
  return GLUE.test(text[start - 1] ?? '') || (GLUE.test(text[end] ?? '') && /[\p{L}\p{N}]/u.test(text[end + 1] ?? ''))
}

/** Words one space apart, nothing between them. */
function adjacent(text: string, run: readonly Word[]): boolean {
  for (let k = 1; k < run.length; k++) if (text.slice((run[k - 1] as Word).end, (run[k] as Word).start) !== ' ') return false
  return true
}

/** A word without its possessive ending. */
function stem(word: string): string {
  return word.replace(/['’]s?$/, '')
}

function singular(word: string): string {
  return /[^s]s$/.test(word) && word.length > 3 ? word.slice(0, -1) : word
}

export const nameConsistencyCheck = defineCheck({
  name: 'name-consistency',
  summary: 'a name the post writes one way throughout and once another way',
  options,
  compile: (rule, env) => overRanges(env, nameConsistency(rule, env.termWords)),
})
