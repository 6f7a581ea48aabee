import { z } from 'zod'
import { scopeFields, wordList } from '../kinds/common-fields.js'
import { defineCheck, type KindOptions } from '../kinds/kind.js'
import { wordsOf, type Word } from '../match/text-tools.js'
import type { RuleMatch } from '../rule-match.js'
import type { ProseDoc, ProseRange } from '../../markdown/prose-doc.js'
import { MINOR_WORDS, type NameEvidence, type PostNames } from '../names/post-names.js'

const options = {
  ...scopeFields,
  minDepth: z.int().min(1).max(6).optional().meta({ description: 'The first heading depth checked (default 2).' }),
  exceptions: wordList('Capitalised words that are never lowered (exact case).'),
  keep: wordList('Headings left as written, compared with white space made single (a blog\'s section headings, learned by `bluepencil learn`).'),
}

/**
 * Sentence case for headings below the title, in posts that mostly use it: ordinary
 * words after the first are lower case. What keeps its capital (terms, names, acronyms,
 * the first word after a colon) is decided by the post's shared names (rules/names).
 */
export function headingCase(rule: KindOptions<typeof options>, namesOf: (doc: ProseDoc) => PostNames): (doc: ProseDoc, ranges: readonly ProseRange[]) => RuleMatch[] {
  const minDepth = rule.minDepth ?? 2
  const exceptions = new Set(rule.exceptions ?? [])
  const keep = new Set(rule.keep ?? [])
  return (doc, ranges) => {
    const names = namesOf(doc)
    const headings: { range: ProseRange; edits: Edit[]; sentenceStyled: boolean }[] = []
    for (const range of ranges) {
      if (range.scope !== 'heading' || (range.depth ?? 1) < minDepth) continue
      const list = wordsOf(range)
      let sentenceStyled = false
      const guessed = new Set<number>()
      const lowered = new Map<number, Edit>()
      list.forEach((w, index) => {
        if (index > 0 && /^\p{Ll}+$/u.test(w.word) && !MINOR_WORDS.has(w.word)) sentenceStyled = true
        if (index === 0 || !/^\p{Lu}\p{Ll}+$/u.test(w.word) || exceptions.has(w.word)) return
        const kept = names.keepsCapital(range, index)
        if (kept === undefined) lowered.set(index, { start: w.start, end: w.end, to: w.word.toLowerCase() })
        else if (GUESSED_NAME.has(kept)) guessed.add(index)
      })
      for (const run of capitalisedRuns(range.text, list)) {
        // A name guessed from the post's evidence may reach into its neighbours ("Special
        // Interest Group", "Target System"): lowering only part of the run would leave a
        // heading in neither case, so the whole run stays as written.
        if (run.some((i) => guessed.has(i))) for (const i of run) lowered.delete(i)
      }
      const edits = [...lowered.values()]
      headings.push({ range, edits, sentenceStyled })
    }
    // A blog that title-cases its headings is not wrong; only a post whose headings are
    // mostly in sentence case makes a Title Case heading an inconsistency worth a comment.
    const titled = headings.filter((h) => h.edits.length > 0 && !h.sentenceStyled).length
    const sentence = headings.filter((h) => h.sentenceStyled).length
    if (sentence <= titled) return []
    const out: RuleMatch[] = []
    for (const { range, edits } of headings) {
      if (keep.size > 0 && keep.has(range.text.replace(/\s+/g, ' ').trim())) continue
      const first = edits[0]
      const last = edits[edits.length - 1]
      if (!first || !last) continue
      // One finding per heading, lowering every word that sentence case lowers.
      let replacement = ''
      let cursor = first.start
      for (const e of edits) {
        replacement += range.text.slice(cursor, e.start) + e.to
        cursor = e.end
      }
      out.push({ range, start: first.start, end: last.end, replacement })
    }
    return out
  }
}

/**
 * Reasons a capital stays that guess at a name of several words, or of unknown extent: a
 * pair the post capitalises, a word no dictionary knows, a word glued to another by a
 * slash. (A word the post capitalises on its own, "Ruby", is a name of one word.)
 */
const GUESSED_NAME: ReadonlySet<NameEvidence> = new Set(['name-pair', 'not-a-common-word', 'code-like'])

/**
 * Indexes of words that start with a capital and follow one another one space apart (or
 * glued by a slash). A capitalised minor word ("With", "And") ends a run: in a Title Case
 * heading it would otherwise join a name to the words around it.
 */
function capitalisedRuns(text: string, list: readonly Word[]): number[][] {
  const runs: number[][] = []
  let run: number[] = []
  list.forEach((w, index) => {
    const capital = /^\p{Lu}/u.test(w.word) && !MINOR_WORDS.has(w.word.toLowerCase())
    const previous = list[index - 1]
    const joined = capital && run.length > 0 && previous !== undefined && /^(?:\s+|\/)$/.test(text.slice(previous.end, w.start))
    if (!joined) {
      if (run.length > 1) runs.push(run)
      run = []
    }
    if (capital) run.push(index)
  })
  if (run.length > 1) runs.push(run)
  return runs
}

interface Edit {
  start: number
  end: number
  to: string
}

export const headingCaseCheck = defineCheck({
  name: 'heading-case',
  summary: 'Title Case headings below the title',
  options,
  compile: (rule, env) => {
    const check = headingCase(rule, env.namesOf)
    return (doc) => check(doc, env.rangesOf(doc))
  },
})
