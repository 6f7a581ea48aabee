import type { HeadingInfo, ProseDoc } from '../../markdown/prose-doc.js'
import type { RuleMatch } from '../rule-match.js'
import { defineCheck } from '../kinds/kind.js'

const normalise = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()

/**
 * A heading with the text of the previous heading at its level, with no heading above
 * that level between them: one section under two identical names. Release notes that
 * repeat "Bug fixes" under each version have a version heading between, so they pass.
 * When nothing but blank lines separates the two, the fix deletes the second.
 */
function repeatedHeadings(doc: ProseDoc): RuleMatch[] {
  const out: RuleMatch[] = []
  const lastAtDepth = new Map<number, HeadingInfo>()
  for (const h of doc.headings) {
    for (const depth of [...lastAtDepth.keys()]) if (depth > h.depth) lastAtDepth.delete(depth)
    const previous = lastAtDepth.get(h.depth)
    lastAtDepth.set(h.depth, h)
    if (!previous || normalise(h.text) === '' || normalise(h.text) !== normalise(previous.text)) continue
    const lineStart = doc.source.lastIndexOf('\n', h.start - 1) + 1
    if (doc.source.slice(previous.end, h.start).trim() !== '') {
      out.push({ start: lineStart, end: h.end, relatedOffset: previous.start })
      continue
    }
    // The heading line and the blank lines under it go; the first heading keeps its own.
    const end = h.end + (/^[ \t]*(?:\n[ \t]*(?=\n))*\n?/.exec(doc.source.slice(h.end))?.[0].length ?? 0)
    out.push({ start: lineStart, end, replacement: '', relatedOffset: previous.start })
  }
  return out
}

export const repeatedHeadingCheck = defineCheck({
  name: 'repeated-heading',
  summary: 'a heading repeating the one before it at its level',
  options: {},
  compile: () => repeatedHeadings,
})
