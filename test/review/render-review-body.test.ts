import { describe, expect, it } from 'vitest'
import { MAX_BODY } from '../../src/review/render-comment.js'
import { renderReviewBody } from '../../src/review/render-review-body.js'
import { makeFinding } from '../support/make-finding.js'

const source = Array.from({ length: 400 }, (_, i) => `Line ${i + 1} we utilize a lot.`).join('\n')
const findings = Array.from({ length: 400 }, (_, i) =>
  makeFinding(source, { line: i + 1, actual: 'utilize', fix: { startLine: i + 1, endLine: i + 1, text: `Line ${i + 1} we use a lot. ${'x'.repeat(200)}` } }),
)
const input = { files: 1, comments: 30, overflow: findings, unanchored: [], notReviewed: [], outsideDiff: 0, alreadyPosted: 0 }

describe('renderReviewBody', () => {
  it('lists findings sharing one fix together, above one copy of the suggested lines', () => {
    const two = 'We utilize caching in order to scale.\n'
    const fix = { startLine: 1, endLine: 1, text: 'We use caching to scale.' }
    const shared = [makeFinding(two, { line: 1, actual: 'utilize', fix }), makeFinding(two, { line: 1, actual: 'in order to', fix, ruleId: 'wordiness', message: 'Use `to`.' })]
    const body = renderReviewBody({ ...input, overflow: shared })
    expect(body.match(/Suggested line 1:/g)).toHaveLength(1)
    expect(body).toMatch(/- `blog\/post\.md#L1`: Use `use` instead of `utilize`\. \(`utilize`\)\n- `blog\/post\.md#L1`: Use `to`\. \(`wordiness`\)\n\n {2}Suggested line 1:/)
  })

  it('drops the suggested lines, then the tail of the list, to stay under the size limit, saying how many it left out', () => {
    const roomy = renderReviewBody({ ...input, maxLength: Number.POSITIVE_INFINITY })
    expect(roomy.length).toBeGreaterThan(MAX_BODY)
    expect(roomy.match(/Suggested line/g)).toHaveLength(400)
    const bare = renderReviewBody(input)
    expect(bare.length).toBeLessThanOrEqual(MAX_BODY)
    expect(bare).not.toContain('Suggested line')
    expect(bare.match(/^- `blog/gm)).toHaveLength(400)
    const cut = renderReviewBody({ ...input, maxLength: 5_000 })
    expect(cut.length).toBeLessThanOrEqual(5_000)
    expect(cut).toMatch(/…and \d+ more findings not listed/)
    expect(cut).toContain("400 more findings (past this review's comment limit)")
  })
})
