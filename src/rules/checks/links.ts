import { escapeRegExp } from '../../core/escape-regexp.js'
import type { ProseDoc } from '../../markdown/prose-doc.js'
import type { RuleMatch } from '../rule-match.js'
import { phraseList } from '../kinds/common-fields.js'
import { defineCheck } from '../kinds/kind.js'
import { paddedLinkText, schemelessTargets, spacedLinks } from './link-syntax.js'

/** Links that fail the reader, one built-in check per failure. */

const normalise = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, '').replace(/\s+/g, ' ').trim()

/** Link text such as "here" that says nothing out of context. */
export const vagueLinkTextCheck = defineCheck({
  name: 'vague-link-text',
  summary: 'link text that says nothing out of context ("click here")',
  options: {
    texts: phraseList('Link texts that say nothing out of context (compared ignoring case and punctuation).'),
  },
  compile: (rule) => {
    const vague = new Set(rule.texts.map(normalise))
    return (doc) => doc.ranges.filter((r) => r.scope === 'link' && vague.has(normalise(r.text))).map((range) => ({ range, start: 0, end: range.text.length }))
  },
})

/** A draft's stand-in for a target not known yet: `#TODO`, `TBD`. */
export const PLACEHOLDER_TARGET = /^#?(?:todo|tbd|fixme|xxx)$/i

/** `[text](#)`, `[text]()` or `[#TODO](#TODO)`: a placeholder left in. */
export const emptyLinkCheck = defineCheck({
  name: 'empty-link',
  summary: 'links to nowhere: `[text](#)`, `[text]()`, `#TODO`',
  options: {},
  compile: () => (doc) => doc.links.filter((l) => (!l.bare && (l.url === '' || l.url === '#')) || PLACEHOLDER_TARGET.test(l.url)).map((l) => ({ start: l.start, end: l.end })),
})

/** `[text] (url)` shown as text, link text padded with spaces. */
export const linkSyntaxCheck = defineCheck({
  name: 'link-syntax',
  summary: 'broken link syntax: `[text] (url)`, link text padded with spaces',
  options: {},
  compile: () => (doc) => [...spacedLinks(doc), ...paddedLinkText(doc)],
})

/** A target such as "www.example.com" that resolves as a local path. */
export const linkSchemeCheck = defineCheck({
  name: 'link-scheme',
  summary: 'link targets without a scheme (`www.example.com`)',
  options: {},
  compile: () => schemelessTargets,
})

/** A raw URL in prose instead of words that say where it goes. */
export const bareUrlCheck = defineCheck({
  name: 'bare-url',
  summary: 'a raw URL in prose instead of link text',
  options: {},
  compile: () => (doc) => doc.links.filter((l) => l.bare && !l.angled && /^(https?:|www\.)/i.test(l.url.replace(/^http:\/\/www\./, 'www.'))).map((l) => ({ start: l.start, end: l.end })),
})

/** The noun that completes the link text left outside it: "[data source](url) types" becomes "[data source types](url)". */
export const partialLinkTextCheck = defineCheck({
  name: 'partial-link-text',
  summary: 'the noun that completes a link text left outside it',
  options: {
    nouns: phraseList('Nouns that complete a link text when they follow it ("types", "documentation").'),
  },
  compile: (rule) => {
    const nouns = new RegExp(`^ (${rule.nouns.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_-])`, 'u')
    return (doc) => partialText(doc, nouns)
  },
})

function partialText(doc: ProseDoc, nouns: RegExp): RuleMatch[] {
  const out: RuleMatch[] = []
  for (const link of doc.links) {
    if (link.textEnd === undefined || doc.source[link.textEnd] !== ']' || doc.source[link.end - 1] !== ')') continue
    // An identifier ("FLINK-26759") or a title ("Flink Unaligned Checkpoint") names its target already.
    const text = doc.source.slice(link.start + 1, link.textEnd)
    if (!/\p{Ll}/u.test(text) || /(?:^|\s)\p{Lu}[\p{L}\p{N}]*$/u.test(text.trim())) continue
    const after = nouns.exec(doc.source.slice(link.end, link.end + 40))
    if (!after?.[0]) continue
    const end = link.end + after[0].length
    const replacement = doc.source.slice(link.start, link.textEnd) + after[0] + doc.source.slice(link.textEnd, link.end)
    out.push({ start: link.start, end, replacement, expected: after[1] as string })
  }
  return out
}

/** Months and weekdays: "[on April 13th](url)" links the date, the preposition and all. */
const DATE_WORD = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/

/** A preposition that opens a link text before a name: "[for Cloudflare Workers](url)" becomes "for [Cloudflare Workers](url)". */
export const linkTextLeadCheck = defineCheck({
  name: 'link-text-lead',
  summary: 'a preposition opening a link text before the name it links',
  options: {
    words: phraseList('Lower-case words that belong before a link when they open its text and a capitalised name follows ("for", "on").'),
  },
  compile: (rule) => {
    const lead = new RegExp(`^(${rule.words.map(escapeRegExp).join('|')}) (?=[A-Z])`)
    return (doc) => leadingWords(doc, lead)
  },
})

function leadingWords(doc: ProseDoc, lead: RegExp): RuleMatch[] {
  const out: RuleMatch[] = []
  for (const link of doc.links) {
    if (link.textEnd === undefined || doc.source[link.start] !== '[' || doc.source[link.textEnd] !== ']') continue
    // Glued to a word before it ("foo[in X]"), the bracket is not where the phrase starts.
    if (link.start > 0 && /[\p{L}\p{N}]/u.test(doc.source[link.start - 1] as string)) continue
    const text = doc.source.slice(link.start + 1, link.textEnd)
    const word = lead.exec(text)?.[1]
    if (word === undefined || DATE_WORD.test(text.slice(word.length + 1))) continue
    out.push({ start: link.start, end: link.start + word.length + 2, replacement: `${word} [`, expected: word })
  }
  return out
}
