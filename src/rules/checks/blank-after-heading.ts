import type { ProseDoc } from '../../markdown/prose-doc.js'
import type { RuleMatch } from '../rule-match.js'
import { defineCheck } from '../kinds/kind.js'

/**
 * A heading with text on the very next line renders the same, but reads as a slip where
 * the post puts a blank line under at least twice as many of its other headings, or
 * under as many when the heading line also ends in stray spaces: the fix adds the blank
 * line and drops those spaces. Posts that often leave none keep their style.
 */
function blankAfterHeading(doc: ProseDoc): RuleMatch[] {
  const tight: { at: number; lineEnd: number; trailing: boolean }[] = []
  let spaced = 0
  for (const h of doc.headings) {
    if (doc.source[h.start] !== '#') continue
    const lineEnd = doc.source.indexOf('\n', h.end)
    if (lineEnd < 0 || doc.source.slice(h.end, lineEnd).trim() !== '') continue
    const nextEnd = doc.source.indexOf('\n', lineEnd + 1)
    const next = doc.source.slice(lineEnd + 1, nextEnd < 0 ? undefined : nextEnd)
    const content = doc.source.slice(h.start, lineEnd).trimEnd()
    if (next.trim() === '') spaced++
    else if (/^\s*[\p{L}\p{N}*_[`]/u.test(next)) tight.push({ at: h.start + content.length, lineEnd, trailing: h.start + content.length < lineEnd })
  }
  if (spaced === 0) return []
  return tight
    .filter((t) => spaced >= 2 * tight.length || (t.trailing && spaced >= tight.length))
    .map(({ at, lineEnd }) => ({ start: at, end: lineEnd + 1, replacement: '\n\n' }))
}

export const blankAfterHeadingCheck = defineCheck({
  name: 'blank-after-heading',
  summary: 'text glued under a heading where the post leaves a blank line under the others',
  options: {},
  compile: () => blankAfterHeading,
})
