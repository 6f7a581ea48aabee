import { describe, expect, it } from 'vitest'
import type { Finding, LineFix } from '../../src/core/types.js'
import { applySuggestion } from '../../src/review/apply-suggestion.js'
import { planReview, type PlanOptions } from '../../src/review/plan-review.js'
import { makeFinding } from '../support/make-finding.js'

// The head post: lines 3-6 were added by the pull request, line 1 and 8 were not.
const source = ['# Post', '', 'We utilize caching in order to scale.', 'It is very fast.', 'Caches utilize memory.', 'Other tools utilize disks.', '', 'Old text we utilize.'].join('\n')
const patch = ['@@ -1,3 +1,8 @@', ' # Post', ' ', '+We utilize caching in order to scale.', '+It is very fast.', '+Caches utilize memory.', '+Other tools utilize disks.', '+', ' Old text we utilize.'].join('\n')
const line3: LineFix = { startLine: 3, endLine: 3, text: 'We use caching to scale.' }
const utilize3 = makeFinding(source, { line: 3, actual: 'utilize', fix: line3 })
const inOrderTo3 = makeFinding(source, { line: 3, actual: 'in order to', ruleId: 'wordiness', message: 'Use `to` instead of `in order to`.', fix: line3 })
const very4 = makeFinding(source, { line: 4, actual: 'very', ruleId: 'filler', message: 'Remove `very`.', fix: { startLine: 4, endLine: 4, text: 'It is fast.' } })
const utilize5 = makeFinding(source, { line: 5, actual: 'utilize', fix: { startLine: 5, endLine: 5, text: 'Caches use memory.' } })
const utilize8 = makeFinding(source, { line: 8, actual: 'utilize', fix: { startLine: 8, endLine: 8, text: 'Old text we use.' } })

function plan(findings: readonly Finding[], options: Partial<PlanOptions> = {}) {
  return planReview({ commitId: 'c0ffee', files: [{ path: 'blog/post.md', source, patch, findings }], postedFingerprints: new Set(), maxComments: 30, ...options })
}

describe('planReview', () => {
  it('merges the findings of one line into one comment with one suggestion, listing each message on its own line', () => {
    const p = plan([utilize3, inOrderTo3])
    expect(p.comments).toHaveLength(1)
    const [comment] = p.comments
    expect(comment).toMatchObject({ path: 'blog/post.md', line: 3 })
    expect(comment?.startLine).toBeUndefined()
    expect(comment?.fingerprints).toHaveLength(2)
    expect(comment?.body.match(/```suggestion/g)).toHaveLength(1)
    expect(comment?.body).toMatch(/^Use `use` instead of `utilize`\.\nUse `to` instead of `in order to`\.\n\n```suggestion\nWe use caching to scale\.\n```\n/)
    expect(applySuggestion(source, { startLine: 3, line: 3, body: comment!.body }).split('\n')[2]).toBe('We use caching to scale.')
  })

  it('sets start_line only for a range, where it is smaller than line', () => {
    const pair = makeFinding(source, { line: 4, actual: 'very', fix: { startLine: 4, endLine: 5, text: 'It is fast.\nCaches use memory.' } })
    const p = plan([pair, utilize8])
    expect(p.comments.map((c) => [c.line, c.startLine])).toEqual([[5, 4]])
    expect(p.comments.every((c) => c.startLine === undefined || c.startLine < c.line)).toBe(true)
  })

  it('merges overlapping ranges into one comment and keeps only the first of two overlapping fixes', () => {
    const wide = makeFinding(source, { line: 4, actual: 'very', fix: { startLine: 4, endLine: 5, text: 'It is fast.\nCaches use memory.' } })
    const other = makeFinding(source, { line: 5, actual: 'Caches', ruleId: 'terms', message: 'Write `caches` in lower case.', fix: { startLine: 5, endLine: 5, text: 'caches utilize memory.' } })
    const [comment] = plan([other, wide]).comments
    expect(plan([other, wide]).comments).toHaveLength(1)
    expect(comment).toMatchObject({ startLine: 4, line: 5 })
    expect(comment?.body).toContain('Write `caches` in lower case.')
    expect(comment?.body).toContain('```suggestion\nIt is fast.\nCaches use memory.\n```')
    expect(comment?.body).not.toContain('caches utilize memory.')
  })

  it('joins two fixes bridged by a message-only range into one suggestion over the whole range', () => {
    const bridge = makeFinding(source, { line: 4, actual: 'very fast.\nCaches', ruleId: 'flow', message: 'This reads abruptly.' })
    const p = plan([very4, utilize5, bridge])
    expect(p.comments).toHaveLength(1)
    expect(p.comments[0]).toMatchObject({ startLine: 4, line: 5 })
    expect(p.comments[0]?.body).toContain('```suggestion\nIt is fast.\nCaches use memory.\n```')
  })

  it('skips comments whose every finding was posted before, and plans nothing new as empty', () => {
    const first = plan([utilize3, inOrderTo3, very4])
    const again = plan([utilize3, inOrderTo3, very4], { postedFingerprints: new Set(first.comments.flatMap((c) => c.fingerprints)) })
    expect(first.comments).toHaveLength(2)
    expect(again.comments).toEqual([])
    expect(again.alreadyPosted).toBe(2)
    expect(again.isEmpty).toBe(true)
    expect(again.currentFingerprints).toEqual(new Set(first.comments.flatMap((c) => c.fingerprints)))
  })

  it('posts a comment again when a new finding joins its lines', () => {
    const first = plan([utilize3])
    const again = plan([utilize3, inOrderTo3], { postedFingerprints: new Set(first.comments[0]?.fingerprints) })
    expect(again.comments).toHaveLength(1)
    expect(again.comments[0]?.fingerprints).toHaveLength(2)
    expect(again.isEmpty).toBe(false)
  })

  it('caps the line comments and lists the rest in the body with their suggested lines', () => {
    const p = plan([utilize5, very4, utilize3, inOrderTo3], { maxComments: 1 })
    expect(p.comments.map((c) => c.line)).toEqual([3])
    expect(p.overflow).toEqual([very4, utilize5])
    expect(p.body).toContain("2 more findings (past this review's comment limit)")
    expect(p.body).toContain('`blog/post.md#L4`: Remove `very`. (`filler`)')
    expect(p.body).toContain('  Suggested line 5:\n\n  ```markdown\n  Caches use memory.\n  ```')
    expect(p.isEmpty).toBe(false)
  })

  it('does not list an overflow finding twice once an earlier review body carried its marker', () => {
    const first = plan([utilize3, very4], { maxComments: 1 })
    const posted = new Set([...first.comments.flatMap((c) => c.fingerprints), ...(first.body.match(/[0-9a-f]{16}/g) ?? [])])
    const again = plan([utilize3, very4], { maxComments: 1, postedFingerprints: posted })
    expect(again.overflow).toEqual([])
    expect(again.isEmpty).toBe(true)
  })

  it('sorts comments by path, then line, whatever order files and findings come in', () => {
    const other = { path: 'blog/a.md', source, patch, findings: [makeFinding(source, { line: 5, actual: 'utilize', path: 'blog/a.md' })] }
    const p = planReview({ commitId: 'c', files: [{ path: 'blog/post.md', source, patch, findings: [utilize5, very4] }, other], postedFingerprints: new Set(), maxComments: 30 })
    expect(p.comments.map((c) => `${c.path}:${c.line}`)).toEqual(['blog/a.md:5', 'blog/post.md:4', 'blog/post.md:5'])
  })

  it('leaves findings on untouched lines out of the review, and lists unanchorable ones in the body', () => {
    const acrossContext = makeFinding(source, { line: 6, actual: 'utilize', fix: { startLine: 6, endLine: 8, text: 'Other tools use disks.\n\nOld text we use.' } })
    const p = plan([utilize8, acrossContext])
    expect(p.comments).toEqual([])
    expect(p.outsideDiff).toEqual([utilize8])
    expect(p.unanchored).toEqual([acrossContext])
    expect(p.body).toContain('1 finding on changed lines that GitHub cannot anchor a comment to')
    expect(p.body).toContain('1 finding on lines this pull request did not change was left alone')
    expect(p.isEmpty).toBe(false)
  })

  it('is empty, with a body that only says so, when there is nothing to say', () => {
    const p = plan([utilize8])
    expect(p.comments).toEqual([])
    expect(p.isEmpty).toBe(true)
    expect(p.currentFingerprints.size).toBe(1)
  })

  it('lists a post without a patch, or with an unreadable one, as not reviewed, once', () => {
    const files = [
      { path: 'blog/huge.md', source, patch: undefined, findings: [utilize3] },
      { path: 'blog/broken.md', source, patch: '@@ -1,3 +1,3 @@\n one', findings: [] },
    ]
    const p = planReview({ commitId: 'c', files, postedFingerprints: new Set(), maxComments: 30, notReviewed: [{ path: 'blog/binary.md', reason: 'not UTF-8 text' }] })
    expect(p.comments).toEqual([])
    expect(p.notReviewed.map((s) => s.path)).toEqual(['blog/binary.md', 'blog/broken.md', 'blog/huge.md'])
    expect(p.body).toContain('- `blog/huge.md`: GitHub sent no diff for it (too large to show)')
    expect(p.body).toContain('- `blog/binary.md`: not UTF-8 text')
    expect(p.body).toMatch(/^Bluepencil reviewed 0 posts and left 0 comments\./)
    expect(p.currentFingerprints.size).toBe(1)
    expect(p.isEmpty).toBe(false)
    const again = planReview({ commitId: 'c', files, postedFingerprints: new Set(p.body.match(/[0-9a-f]{16}/g)), maxComments: 30, notReviewed: [{ path: 'blog/binary.md', reason: 'not UTF-8 text' }] })
    expect(again.isEmpty).toBe(true)
  })

  it('plans the same review for the same inputs', () => {
    expect(plan([very4, utilize3, utilize5], { maxComments: 2 })).toEqual(plan([utilize5, very4, utilize3], { maxComments: 2 }))
  })
})
