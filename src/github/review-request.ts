import { fallbackBody } from '../review/fallback-body.js'
import type { ReviewPlan } from '../review/plan-types.js'
import type { NewReview, NewReviewComment } from './github-port.js'

/** The one review of a plan, as `pulls.createReview` takes it (event COMMENT, RIGHT side). */
export function reviewRequest(plan: ReviewPlan): NewReview {
  const comments: NewReviewComment[] = plan.comments.map((c) => ({
    path: c.path,
    body: c.body,
    line: c.line,
    side: 'RIGHT',
    ...(c.startLine === undefined ? {} : { start_line: c.startLine, start_side: 'RIGHT' as const }),
  }))
  return { commitId: plan.commitId, body: plan.body, comments }
}

/** The same review with no line comment, for when GitHub answers 422 to an anchor: see fallbackBody. */
export function fallbackReviewRequest(plan: ReviewPlan): NewReview {
  return { commitId: plan.commitId, body: fallbackBody(plan), comments: [] }
}
