import { marker, readMarkers } from './fingerprint.js'
import type { ReviewPlan } from './plan-types.js'
import { MAX_BODY, RUN_KEY_ROOM } from './render-comment.js'
import { renderReviewBody } from './render-review-body.js'

/**
 * The review body to post when GitHub refuses the planned line comments with a 422 that
 * does not say which anchor it disliked: every finding moves into the body, suggested
 * lines included, and the body keeps the markers of every finding and notice, so nothing
 * is lost and a later run posts none of them again.
 */
export function fallbackBody(plan: ReviewPlan): string {
  const findings = plan.comments.flatMap((c) => c.findings)
  const markers = [...new Set([...readMarkers(plan.body), ...plan.comments.flatMap((c) => c.fingerprints)])].map(marker).join('\n')
  const summary = renderReviewBody({
    files: new Set(findings.map((f) => f.path)).size,
    comments: 0,
    overflow: [...findings, ...plan.overflow],
    unanchored: plan.unanchored,
    notReviewed: plan.notReviewed,
    outsideDiff: plan.outsideDiff.length,
    alreadyPosted: plan.alreadyPosted,
    maxLength: MAX_BODY - markers.length - RUN_KEY_ROOM,
  })
  return markers === '' ? summary : `${summary}\n${markers}`
}
