import { diffArrays } from 'diff'
import type { Finding } from '../core/types.js'
import { unmatched } from './plan-fixes.js'

export interface LintedText {
  readonly source: string
  readonly findings: readonly Finding[]
}

/**
 * Findings on the lines a fix changed whose rule and text (in any case) no finding on
 * the replaced lines had: what a fix broke. Lines are matched by a line diff, so this
 * audits any rewrite, however many passes made it. Must be empty after every `fix`.
 */
export function newFindingsOnChangedLines(before: LintedText, after: LintedText): Finding[] {
  const out: Finding[] = []
  let oldLine = 1
  let newLine = 1
  // Blank and punctuation-only lines (fences) never anchor the diff: matching one of many
  // alike could pair a changed line with the wrong original.
  const parts = diffArrays(before.source.split('\n'), after.source.split('\n'), { comparator: (a, b) => a === b && ANCHOR.test(a) })
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as (typeof parts)[number]
    if (!part.added && !part.removed) {
      oldLine += part.value.length
      newLine += part.value.length
      continue
    }
    // A change is every removed and added part between two unchanged runs: a line diff
    // may order them either way when blank lines shift.
    let removed = 0
    let added = 0
    for (; i < parts.length && (parts[i]?.added || parts[i]?.removed); i++) {
      const p = parts[i] as (typeof parts)[number]
      if (p.added) added += p.value.length
      else removed += p.value.length
    }
    i--
    const was = before.findings.filter((f) => within(f, oldLine, oldLine + removed))
    const now = after.findings.filter((f) => within(f, newLine, newLine + added))
    // The same finding, or an unfixed one of the same rule quoting text the fix changed
    // ("Vale." -> "Vale"); a fixed finding never comes back.
    out.push(...unmatched(now, was, MATCH))
    oldLine += removed
    newLine += added
  }
  return out
}

const MATCH = {
  same: (a: Finding, b: Finding) => key(a) === key(b),
  rewritten: (a: Finding, b: Finding) => a.ruleId === b.ruleId && !b.fix,
}

const ANCHOR = /[\p{L}\p{N}]{2}/u

/** Starts and ends on lines [first, end). */
function within(f: Finding, first: number, end: number): boolean {
  return f.span.start.line >= first && f.span.end.line < end
}

function text(f: Finding): string {
  return f.actual.replace(/\s+/g, ' ').toLowerCase()
}

function key(f: Finding): string {
  return `${f.ruleId}\0${text(f)}`
}
