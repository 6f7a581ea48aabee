// The fix invariants measured on real posts: `fix` twice changes nothing the second time,
// and no rule reports a finding on a fixed line that it did not report there before.
import type { Finding } from '../src/core/types.js'
import { newFindingsOnChangedLines } from '../src/fix-safety/audit-fix.js'
import { fixPost } from '../src/fix-safety/fix-post.js'

export interface FixSafetyReport {
  readonly posts: number
  readonly changedByFirstFix: number
  readonly changedBySecondFix: string[]
  readonly newFindingsOnFixedLines: Finding[]
}

export function measureFixSafety(posts: readonly { path: string; source: string }[], lint: (path: string, source: string) => readonly Finding[]): FixSafetyReport {
  let changedByFirstFix = 0
  const changedBySecondFix: string[] = []
  const newFindingsOnFixedLines: Finding[] = []
  for (const { path, source } of posts) {
    const first = fixPost(source, (s) => lint(path, s))
    if (first.text === source) continue
    changedByFirstFix++
    // Any pass of the second run that changes the text counts, even if a later pass flips it back.
    if (fixPost(first.text, (s) => lint(path, s)).passes > 0) changedBySecondFix.push(path)
    const broken = newFindingsOnChangedLines({ source, findings: lint(path, source) }, { source: first.text, findings: lint(path, first.text) })
    newFindingsOnFixedLines.push(...broken)
  }
  return { posts: posts.length, changedByFirstFix, changedBySecondFix, newFindingsOnFixedLines }
}
