import { diffArrays } from 'diff'
import type { Finding } from '../core/types.js'

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
  const parts = diffArrays(before.source.split('\n'), after.source.split('\n'))
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as (typeof parts)[number]
    if (!part.added && !part.removed) {
      oldLine += part.value.length
      newLine += part.value.length
      continue
    }
    // A change is a run of removed lines, added lines, or removed then added.
    const next = parts[i + 1]
    const removed = part.removed ? part.value.length : 0
    const added = part.added ? part.value.length : next?.added ? next.value.length : 0
    if (part.removed && next?.added) i++
    const left = new Map<string, number>()
    for (const f of before.findings) if (within(f, oldLine, oldLine + removed)) left.set(key(f), (left.get(key(f)) ?? 0) + 1)
    for (const f of after.findings) {
      if (!within(f, newLine, newLine + added)) continue
      const n = left.get(key(f)) ?? 0
      if (n > 0) left.set(key(f), n - 1)
      else out.push(f)
    }
    oldLine += removed
    newLine += added
  }
  return out
}

/** Starts and ends on lines [first, end). */
function within(f: Finding, first: number, end: number): boolean {
  return f.span.start.line >= first && f.span.end.line < end
}

function key(f: Finding): string {
  return `${f.ruleId}\0${f.actual.replace(/\s+/g, ' ').toLowerCase()}`
}
