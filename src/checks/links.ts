import type { RuleFile } from '../config/rule-file.js'
import type { ProseDoc, RuleMatch } from './types.js'

const normalise = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, '').replace(/\s+/g, ' ').trim()

/**
 * Links that fail the reader. `check` picks one failure per rule file:
 * vague-text (link text such as "here" that says nothing out of context),
 * empty-target (`[text](#)` or `[text]()`: a placeholder left in), or
 * bare-url (a raw URL in prose instead of words that say where it goes).
 */
export function links(rule: RuleFile): (doc: ProseDoc) => RuleMatch[] {
  const vague = new Set((rule.tokens ?? []).map(normalise))
  return (doc) => {
    switch (rule.check) {
      case 'vague-text':
        return doc.ranges.filter((r) => r.scope === 'link' && vague.has(normalise(r.text))).map((range) => ({ range, start: 0, end: range.text.length }))
      case 'empty-target':
        return doc.links.filter((l) => !l.bare && (l.url === '' || l.url === '#')).map((l) => ({ start: l.start, end: l.end }))
      case 'bare-url':
        return doc.links.filter((l) => l.bare && !l.angled && /^(https?:|www\.)/i.test(l.url.replace(/^http:\/\/www\./, 'www.'))).map((l) => ({ start: l.start, end: l.end }))
      default:
        return []
    }
  }
}
