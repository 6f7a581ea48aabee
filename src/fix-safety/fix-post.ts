import type { Finding, LineFix } from '../core/types.js'
import { applyFixes } from '../lint/apply-fixes.js'

/** Passes before `fix` stops: each pass only applies fixes the engine checked, so few are ever needed. */
const MAX_PASSES = 10

export interface FixedPost {
  readonly text: string
  /** Passes that changed the text. */
  readonly passes: number
  /** Findings fixed, over all passes. */
  readonly fixed: number
  /** Lines (1-based, of the input) whose fixes were applied in the first pass. */
  readonly firstPassFixes: readonly LineFix[]
}

/**
 * Applies fixes until none is left, as `eslint --fix` does: two findings on one line
 * whose edits overlap are fixed in two passes. Then a second run changes nothing.
 */
export function fixPost(source: string, lint: (source: string) => readonly Finding[], firstFindings?: readonly Finding[]): FixedPost {
  let text = source
  let passes = 0
  let fixed = 0
  let firstPassFixes: LineFix[] = []
  while (passes < MAX_PASSES) {
    const findings = passes === 0 && firstFindings ? firstFindings : lint(text)
    const fixes = uniqueFixes(findings)
    const next = fixes.length === 0 ? text : applyFixes(text, fixes)
    if (next === text) break
    if (passes === 0) firstPassFixes = fixes
    fixed += findings.filter((f) => f.fix).length
    text = next
    passes++
  }
  return { text, passes, fixed, firstPassFixes }
}

export function uniqueFixes(findings: readonly Finding[]): LineFix[] {
  const byLine = new Map<string, LineFix>()
  for (const f of findings) if (f.fix) byLine.set(`${f.fix.startLine}:${f.fix.endLine}`, f.fix)
  return [...byLine.values()].sort((a, b) => a.startLine - b.startLine)
}
