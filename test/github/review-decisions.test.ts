import { describe, expect, it } from 'vitest'
import { checkReportForPlan } from '../../src/github/check-report.js'
import { fallbackReviewRequest, reviewRequest } from '../../src/github/review-request.js'
import { threadsToResolve } from '../../src/github/threads-to-resolve.js'
import { marker, readMarkers } from '../../src/review/fingerprint.js'
import { planReview } from '../../src/review/plan-review.js'
import { makeFinding } from '../support/make-finding.js'

// Lines 3-5 were added; line 1 was not.
const source = ['We utilize it.', '', 'We utilize caching.', 'It is very fast.', 'Caches utilize memory.'].join('\n')
const patch = ['@@ -1,1 +1,5 @@', ' We utilize it.', '+', '+We utilize caching.', '+It is very fast.', '+Caches utilize memory.'].join('\n')
const f1 = makeFinding(source, { line: 1, actual: 'utilize', fix: { startLine: 1, endLine: 1, text: 'We use it.' } })
const f3 = makeFinding(source, { line: 3, actual: 'utilize', fix: { startLine: 3, endLine: 3, text: 'We use caching.' } })
const f4 = makeFinding(source, { line: 4, actual: 'very', ruleId: 'filler', message: 'Remove `very`.', fix: { startLine: 3, endLine: 4, text: 'We utilize caching.\nIt is fast.' } })
const f5 = makeFinding(source, { line: 5, actual: 'utilize', severity: 'error', fix: { startLine: 5, endLine: 5, text: 'Caches use memory.' } })
const files = [{ path: 'blog/post.md', source, patch, findings: [f1, f3, f4, f5] }]
const plan = (posted: string[] = [], maxComments = 30) => planReview({ commitId: 'c0ffee', files, postedFingerprints: new Set(posted), maxComments })

describe('reviewRequest', () => {
  it('anchors every comment on the RIGHT side, with start_line only for a range', () => {
    const request = reviewRequest(plan())
    expect(request.commitId).toBe('c0ffee')
    expect(request.comments.map((c) => [c.line, c.start_line, c.side, c.start_side])).toEqual([[4, 3, 'RIGHT', 'RIGHT'], [5, undefined, 'RIGHT', undefined]])
  })
})

describe('fallbackReviewRequest (GitHub answered 422)', () => {
  it('moves every comment into the body with its suggested lines, and keeps every marker', () => {
    const p = plan([], 1)
    const request = fallbackReviewRequest(p)
    expect(request.comments).toEqual([])
    expect(request.body).toContain('Bluepencil reviewed 1 post and left 0 comments.')
    expect(request.body).toContain('`blog/post.md#L3`')
    expect(request.body).toContain('`blog/post.md#L5`')
    expect(request.body).toContain('Caches use memory.')
    const all = [...p.comments.flatMap((c) => c.fingerprints), ...readMarkers(p.body)]
    expect(new Set(readMarkers(request.body))).toEqual(new Set(all))
    expect(request.body.length).toBeLessThanOrEqual(65_536)
  })
})

describe('checkReportForPlan', () => {
  it('annotates every finding on changed lines once, posted before or not, and none outside the diff', () => {
    const first = plan()
    const posted = first.comments.flatMap((c) => c.fingerprints)
    const again = plan(posted)
    for (const p of [first, again]) {
      const report = checkReportForPlan({ plan: p, files, failOn: 'error', ruleErrors: [] })
      expect(report.annotations.map((a) => a.start_line)).toEqual([3, 4, 5])
      expect(report.conclusion).toBe('failure')
    }
  })

  it("fails on a broken rule file and names it, and notes the posts it could not review", () => {
    const p = planReview({ commitId: 'c', files, postedFingerprints: new Set(), maxComments: 30, notReviewed: [{ path: 'blog/big.md', reason: 'over 1 MB' }] })
    const report = checkReportForPlan({ plan: p, files, failOn: 'never', ruleErrors: [{ file: '.github/rules/x.yml', path: 'swap', message: 'must be object' }] })
    expect(report.conclusion).toBe('failure')
    expect(report.summary).toContain('Rule file problem: .github/rules/x.yml')
    expect(report.summary).toContain('Not reviewed: blog/big.md (over 1 MB)')
  })
})

describe('threadsToResolve', () => {
  const bot = (id: number, fps: string[]) => ({ id, body: `text\n${fps.map(marker).join('\n')}`, author: 'bluepencil[bot]', authorIsBot: true })
  it('resolves threads whose every finding is gone, unless a human replied; never replies or unmarked comments', () => {
    const existing = [
      bot(1, ['aaaaaaaa']),
      bot(2, ['bbbbbbbb', 'cccccccc']),
      bot(3, ['dddddddd']),
      { id: 4, body: 'We meant it.', author: 'author', authorIsBot: false, inReplyTo: 3 },
      { id: 5, body: 'no marker', author: 'someone', authorIsBot: false },
      { ...bot(6, ['eeeeeeee']), inReplyTo: 2 },
    ]
    expect(threadsToResolve(existing, new Set(['cccccccc']))).toEqual([1])
    expect(threadsToResolve(existing, new Set())).toEqual([1, 2])
  })
})
