import { lineContentEnd, pointAt } from '../../core/text-lines.js'
import { compileAlternation } from '../match/phrase-pattern.js'
import type { PatternFacts } from '../match/pattern-facts.js'
import type { ProseDoc } from '../../markdown/prose-doc.js'
import type { RuleMatch } from '../rule-match.js'
import { phraseList } from '../kinds/common-fields.js'
import { defineCheck, type KindOptions } from '../kinds/kind.js'

const options = {
  patterns: phraseList('Regular expressions for the start of a template tag that needs a blank line before it.'),
}

/**
 * Lines that need a blank line before them but were written inside a paragraph, where
 * Markdown swallows them into the text (a `{{< highlight >}}` shortcode right after a
 * sentence). The fix inserts the blank line.
 */
/** A line holding one template tag and nothing else. */
const WHOLE_LINE_TAG = /^\s*(?:\{\{[<%].*[%>]\}\}|\{%.*%\})[ \t]*$/

export function blankLine(rule: KindOptions<typeof options>, facts: PatternFacts): (doc: ProseDoc) => RuleMatch[] {
  const pattern = compileAlternation(rule.patterns, { isRegex: true, ignoreCase: false, nonword: true }, facts)
  const anchored = new RegExp(`^(?:${pattern.re.source})`, pattern.re.flags.replace('g', ''))
  return (doc) => {
    const out: RuleMatch[] = []
    for (const p of doc.paragraphs) {
      const first = pointAt(doc.lines, p.start).line
      const last = pointAt(doc.lines, Math.max(p.start, p.end - 1)).line
      for (let line = first + 1; line <= last; line++) {
        const start = doc.lines.starts[line - 1] ?? 0
        const text = doc.source.slice(start, lineContentEnd(doc.lines, line))
        const indent = text.length - text.trimStart().length
        if (!anchored.test(text.trimStart()) || !WHOLE_LINE_TAG.test(text)) continue
        // A run of tags one a line (tweet embeds) is a block of its own; a tag with text
        // after it on its line is inline (a link target starting with {{< param >}}).
        const previous = doc.source.slice(doc.lines.starts[line - 2] ?? 0, lineContentEnd(doc.lines, line - 1))
        if (WHOLE_LINE_TAG.test(previous)) continue
        out.push({ start: start + indent, end: start + indent, replacement: '\n' })
      }
    }
    return out
  }
}

export const shortcodeBlankLineCheck = defineCheck({
  name: 'shortcode-blank-line',
  patternField: 'patterns',
  summary: 'a template tag that needs a blank line before it',
  options,
  compile: (rule, env) => blankLine(rule, env.phrases.facts),
})
