import type { ProseDoc } from '../markdown/prose-doc.js'
import type { RuleMatch } from '../rules/rule-match.js'
import type { CompiledRule } from '../rules/compile-rules.js'
import { pointAt } from '../core/text-lines.js'
import type { Edit, Finding } from '../core/types.js'
import { PLACEHOLDER } from '../markdown/align-text.js'

interface Located {
  readonly start: number
  readonly end: number
  /** The source slice equals the visible text, so an edit there changes only what it says. */
  readonly exact: boolean
}

/** Maps a checker's match to source offsets; ids, severity and message come from the rule, never the checker. */
export function toFinding(match: RuleMatch, rule: CompiledRule, doc: ProseDoc, path: string): Finding | undefined {
  const at = locate(match, doc)
  if (!at) return undefined
  const actual = doc.source.slice(at.start, at.end)
  const expected = match.replacement ?? match.expected
  const shown = match.expected ?? match.replacement
  const fixTier = rule.fixTier ?? 'review'
  const safe = fixTier !== 'none' && match.replacement !== undefined && at.exact && !match.replacement.includes(PLACEHOLDER)
  const edits: Edit[] = !safe || match.replacement === actual ? [] : match.edits && !match.range ? [...match.edits] : [{ start: at.start, end: at.end, text: match.replacement as string }]
  const relatedLine = match.relatedOffset === undefined ? undefined : pointAt(doc.lines, match.relatedOffset).line
  return {
    path,
    ruleId: rule.id,
    severity: rule.severity,
    message: match.message ?? render(rule.message, { actual: oneLine(actual), expected: oneLine(shown ?? ''), line: String(relatedLine ?? '') }),
    ...(rule.description === undefined ? {} : { description: rule.description }),
    ...(rule.url === undefined ? {} : { url: rule.url }),
    span: { start: pointAt(doc.lines, at.start), end: pointAt(doc.lines, at.end) },
    actual,
    expected: expected === undefined ? [] : [expected],
    fixTier,
    edits,
    ...(relatedLine === undefined ? {} : { relatedLine }),
  }
}

function locate(match: RuleMatch, doc: ProseDoc): Located | undefined {
  if (!match.range) {
    const start = Math.max(0, Math.min(match.start, doc.source.length))
    return { start, end: Math.max(start, Math.min(match.end, doc.source.length)), exact: true }
  }
  const { offsets, text } = match.range
  let first = -1
  let last = -1
  let allMapped = true
  for (let i = match.start; i < match.end; i++) {
    const o = offsets[i] ?? -1
    if (o < 0) {
      allMapped = false
      continue
    }
    if (first < 0) first = o
    last = o
  }
  if (first < 0) {
    // Nothing mappable (a match on placeholders only): point at the nearest mapped text before it.
    for (let i = match.start - 1; i >= 0; i--) {
      const o = offsets[i] ?? -1
      if (o >= 0) return { start: o, end: o + 1, exact: false }
    }
    return undefined
  }
  const end = last + 1
  const slice = doc.source.slice(first, end)
  const visible = text.slice(match.start, match.end)
  // Exact, or differing only in whitespace Markdown dropped (a list item's continuation indent).
  const exact = allMapped && (slice === visible || slice.replace(/\s+/g, ' ') === visible.replace(/\s+/g, ' '))
  return { start: first, end, exact }
}

function render(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{(actual|expected|line)\}/g, (_, key: string) => vars[key] ?? '')
}

function oneLine(text: string): string {
  // Line by line: /\s*\r?\n\s*/ retried at every space of a long run without a line break (quadratic).
  return text.split('\n').map((line) => line.trim()).filter((line) => line !== '').join(' ')
}
