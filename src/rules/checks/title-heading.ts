import type { ProseDoc } from '../../markdown/prose-doc.js'
import type { RuleMatch } from '../rule-match.js'
import { defineCheck } from '../kinds/kind.js'

const normalise = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()

/** An H1 repeating the front-matter title shows the title twice: themes render the title already. The fix deletes it. */
function titleHeadings(doc: ProseDoc): RuleMatch[] {
  const title = doc.frontMatter?.fields.find((f) => f.name === 'title')?.value
  if (typeof title !== 'string') return []
  return doc.headings
    .filter((h) => h.depth === 1 && normalise(h.text) === normalise(title))
    .map((h) => {
      const line = doc.source.lastIndexOf('\n', h.start - 1) + 1
      return { start: line, end: h.end, replacement: '', expected: 'title' }
    })
}

export const titleHeadingCheck = defineCheck({
  name: 'title-heading',
  summary: 'an H1 repeating the front-matter title',
  options: {},
  compile: () => titleHeadings,
})
