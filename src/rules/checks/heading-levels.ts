import type { ProseDoc } from '../../markdown/prose-doc.js'
import type { RuleMatch } from '../rule-match.js'
import { defineCheck } from '../kinds/kind.js'

/** Headings go down one level at a time; a skipped level breaks the outline screen readers and tables of contents use. */
export function headingLevels(): (doc: ProseDoc) => RuleMatch[] {
  return (doc) => {
    const out: RuleMatch[] = []
    let previous = 0
    for (const h of doc.headings) {
      if (previous > 0 && h.depth > previous + 1) out.push({ start: h.start, end: h.start + h.depth, expected: '#'.repeat(previous + 1) })
      previous = h.depth
    }
    return out
  }
}

export const headingLevelsCheck = defineCheck({
  name: 'heading-levels',
  summary: 'skipped heading levels',
  options: {},
  compile: () => headingLevels(),
})
