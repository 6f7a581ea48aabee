import { z } from 'zod'
import type { ProseDoc } from '../../markdown/prose-doc.js'
import type { RuleMatch } from '../rule-match.js'
import { wordList } from './common-fields.js'
import { defineKind, type KindOptions } from './kind.js'
import { paddedLinkText, schemelessTargets, spacedLinks } from './link-syntax.js'

const options = {
  check: z.enum(['vague-text', 'empty-target', 'bare-url', 'partial-text', 'syntax', 'no-scheme']).meta({ description: 'Which failure this rule reports.' }),
  tokens: wordList('vague-text: link texts that say nothing out of context; partial-text: nouns that complete a link text.'),
}

/** A draft's stand-in for a target not known yet: `#TODO`, `TBD`. */
const PLACEHOLDER_TARGET = /^#?(?:todo|tbd|fixme|xxx)$/i

const normalise = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, '').replace(/\s+/g, ' ').trim()

/**
 * Links that fail the reader. `check` picks one failure per rule file:
 * vague-text (link text such as "here" that says nothing out of context),
 * empty-target (`[text](#)`, `[text]()` or `[#TODO](#TODO)`: a placeholder left in), or
 * bare-url (a raw URL in prose instead of words that say where it goes), or
 * partial-text (the noun that completes the link text left outside it:
 * "[data source](url) types" becomes "[data source types](url)"), or
 * syntax (`[text] (url)` shown as text, link text padded with spaces), or
 * no-scheme (a target such as "www.example.com" that resolves as a local path).
 */
export function links(rule: KindOptions<typeof options>): (doc: ProseDoc) => RuleMatch[] {
  const vague = new Set((rule.tokens ?? []).map(normalise))
  const nouns = new RegExp(`^ (${(rule.tokens ?? []).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}_-])`, 'u')
  return (doc) => {
    switch (rule.check) {
      case 'vague-text':
        return doc.ranges.filter((r) => r.scope === 'link' && vague.has(normalise(r.text))).map((range) => ({ range, start: 0, end: range.text.length }))
      case 'empty-target':
        return doc.links.filter((l) => (!l.bare && (l.url === '' || l.url === '#')) || PLACEHOLDER_TARGET.test(l.url)).map((l) => ({ start: l.start, end: l.end }))
      case 'bare-url':
        return doc.links.filter((l) => l.bare && !l.angled && /^(https?:|www\.)/i.test(l.url.replace(/^http:\/\/www\./, 'www.'))).map((l) => ({ start: l.start, end: l.end }))
      case 'partial-text':
        return partialText(doc, nouns)
      case 'syntax':
        return [...spacedLinks(doc), ...paddedLinkText(doc)]
      case 'no-scheme':
        return schemelessTargets(doc)
      default:
        return []
    }
  }
}

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

export const linksKind = defineKind({
  name: 'links',
  summary: 'vague link text, empty or placeholder targets, bare URLs, link text missing its noun, broken link syntax, targets without a scheme',
  options,
  compile: (rule) => links(rule),
})
