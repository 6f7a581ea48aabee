import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { loadCachedCommonJs } from '../core/cached-script.js'
import { packageRoot } from '../core/package-root.js'

/** A word or punctuation mark of a sentence, [start, end) in the block's text, with its Penn Treebank tag. */
export interface TaggedToken {
  readonly text: string
  readonly start: number
  readonly end: number
  readonly tag: string
}

interface WinkToken {
  value: string
  tag: string
  pos?: string
}
type WinkTagger = { tag(tokens: WinkToken[]): WinkToken[] }
type MakeTagger = () => WinkTagger

let tagger: WinkTagger | undefined

/** The build's bundle of wink-pos-tagger, run with its V8 code cache (`npm run build` writes both). */
export function posTaggerBundle(): string {
  return join(packageRoot(), 'dist', 'bundle', 'pos-tagger.cjs')
}

/**
 * wink-pos-tagger (Penn Treebank tags, as Vale's tagger uses), loaded on first use, and
 * only by rules that tag. Its lexicon is megabytes of JavaScript: compiling it cost a
 * one-post run ~0.35 s, from the build's bundle with its code cache ~0.13 s, and with the
 * bundle's word tables read on demand (scripts/bundle-pos-tagger.ts) ~0.02 s. Without the
 * bundle (no build yet) the package itself is required. Either way it stays out of the
 * CLI bundle, which would otherwise compile the lexicon on every start.
 */
function winkTagger(): WinkTagger {
  if (!tagger) {
    const bundle = posTaggerBundle()
    const make = existsSync(bundle) ? loadCachedCommonJs<MakeTagger>(bundle).exports : (createRequire(import.meta.url)('wink-pos-tagger') as MakeTagger)
    tagger = make()
  }
  return tagger
}

// Words keep inner hyphens and apostrophes ("meet-up", "o'clock"); clitics split off below.
const TOKEN = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu
const CLITIC = /(?:['’](?:s|re|ve|ll|d|m)|n['’]t)$/i

/**
 * The tokens of one sentence as Vale's tokenizer gives them (words, clitics such as
 * "'s" and "n't" on their own, each punctuation mark), tagged. The sentence's first word
 * is tagged in lower case unless it is all capitals: at a sentence start a capital says
 * nothing about a name, and the tagger would otherwise call "Metadata" a proper noun.
 */
export function tagSentence(text: string, start: number, end: number): TaggedToken[] {
  const slice = text.slice(start, end)
  let tagged = memo.get(slice)
  if (!tagged) {
    tagged = tagSlice(slice)
    if (memo.size >= MEMO_SIZE) memo.clear()
    memo.set(slice, tagged)
  }
  return tagged.map((t) => ({ ...t, start: t.start + start, end: t.end + start }))
}

/**
 * Tags by sentence text, offsets from the sentence's start: the checks that tag (serial
 * comma, opener comma, name consistency, Vale's sequence) meet the same sentences, and
 * the relint of a fixed post tags every sentence the fix left alone again. Tagging was
 * ~2 s of CPU of the 238 flink-web posts. The tags depend on the sentence's text only.
 * Cleared when full, so a hostile post keeps its memory bounded, and by
 * forgetTaggedSentences() before each post: posts rarely share a sentence, and a memo
 * kept across posts held ~35 MB of the heap after the 238 flink-web posts.
 */
const memo = new Map<string, readonly TaggedToken[]>()
const MEMO_SIZE = 4000

/** Drops the tags memo (the linter calls it before each post; the post's relints share the tags). */
export function forgetTaggedSentences(): void {
  memo.clear()
}

function tagSlice(slice: string): TaggedToken[] {
  const tokens: { text: string; start: number; end: number }[] = []
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    const at = m.index
    const clitic = CLITIC.exec(m[0])
    if (clitic && clitic.index > 0) {
      tokens.push({ text: m[0].slice(0, clitic.index), start: at, end: at + clitic.index })
      tokens.push({ text: clitic[0], start: at + clitic.index, end: at + m[0].length })
    } else tokens.push({ text: m[0], start: at, end: at + m[0].length })
  }
  if (tokens.length === 0) return []
  const input: WinkToken[] = tokens.map((t, i) => {
    const word = /^[\p{L}\p{N}'’]/u.test(t.text)
    const value = (i === 0 && t.text !== t.text.toUpperCase() ? t.text.toLowerCase() : t.text).replace(/’/g, "'")
    return { value, tag: word ? (/^\p{N}+$/u.test(t.text) ? 'number' : 'word') : 'punctuation' }
  })
  const tagged = winkTagger().tag(input)
  return tokens.map((t, i) => ({ ...t, tag: tagged[i]?.pos ?? '' }))
}
