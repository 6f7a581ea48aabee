import { describe, expect, it } from 'vitest'
import { planReview } from '../../src/review/plan-review.js'
import { renderPlanAsText } from '../../src/review/render-plan-text.js'
import { makeFinding } from './make-finding.js'

const source = 'We utilize caching.\nIt is very fast.\nOld text we utilize.\n'
const patch = '@@ -1,1 +1,3 @@\n+We utilize caching.\n+It is very fast.\n Old text we utilize.'

describe('renderPlanAsText', () => {
  it('shows every comment with its anchor and exact body, the exact review body, then what it leaves alone', () => {
    const findings = [
      makeFinding(source, { line: 1, actual: 'utilize', fix: { startLine: 1, endLine: 2, text: 'We use caching.\nIt is fast.' } }),
      makeFinding(source, { line: 3, actual: 'utilize' }),
    ]
    const plan = planReview({ commitId: '0123456789abcdef', files: [{ path: 'blog/post.md', source, patch, findings }], postedFingerprints: new Set(), maxComments: 30 })
    const text = renderPlanAsText(plan)
    const comment = plan.comments[0]!
    expect(text).toContain(`Comment 1 of 1: blog/post.md, lines 1-2 (RIGHT side)\n${'─'.repeat(72)}\n${comment.body}\n`)
    expect(text).toContain(`Review body\n${'─'.repeat(72)}\n${plan.body}\n`)
    expect(text).toContain('blog/post.md:3:13  warning  Use `use` instead of `utilize`.  utilize')
    expect(text.indexOf(comment.body)).toBeLessThan(text.indexOf(plan.body))
  })

  it('says no review would be posted when the plan is empty', () => {
    const plan = planReview({ commitId: 'c', files: [], postedFingerprints: new Set(), maxComments: 30 })
    expect(renderPlanAsText(plan)).toBe('Nothing new to say: the app would post no review.\n')
  })
})
