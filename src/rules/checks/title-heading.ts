import type { HeadingInfo, ProseDoc } from '../../markdown/prose-doc.js'
import type { RuleMatch } from '../rule-match.js'
import { defineCheck } from '../kinds/kind.js'

const normalise = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()

/**
 * A heading repeating the front-matter title shows the title twice: themes render the
 * title already. Any H1 counts; a lower heading only when it opens the body, before any
 * paragraph ("## Why Linkerd doesn't use Envoy" under that title), since a later
 * section may be named like the post on purpose. The fix deletes it.
 */
function titleHeadings(doc: ProseDoc): RuleMatch[] {
  const title = doc.frontMatter?.fields.find((f) => f.name === 'title')?.value
  // A title of no words ("" or "...") names nothing a heading could repeat.
  if (typeof title !== 'string' || normalise(title) === '') return []
  const firstHeading = doc.headings[0]
  const opensBody = (h: HeadingInfo): boolean => h === firstHeading && !doc.paragraphs.some((p) => p.start < h.start)
  return doc.headings
    .filter((h) => (h.depth === 1 || opensBody(h)) && normalise(h.text) === normalise(title))
    .map((h) => {
      const line = doc.source.lastIndexOf('\n', h.start - 1) + 1
      return { start: line, end: h.end, replacement: '', expected: 'title' }
    })
}

export const titleHeadingCheck = defineCheck({
  name: 'title-heading',
  summary: 'an H1, or a heading opening the body, repeating the front-matter title',
  options: {},
  compile: () => titleHeadings,
})
