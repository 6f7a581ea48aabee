import type { ReviewPlan } from './plan-types.js'

const rule = '─'.repeat(72)

/**
 * The CLI's preview: every line comment with its anchor and exact body, the review body,
 * then the findings left alone because the pull request did not touch their lines.
 */
export function renderPlanAsText(plan: ReviewPlan): string {
  const out: string[] = []
  if (plan.isEmpty) out.push('Nothing new to say: the app would post no review.')
  else {
    out.push(`The app would post one review (event COMMENT, commit ${plan.commitId.slice(0, 12)}) with ${plan.comments.length} line comment${plan.comments.length === 1 ? '' : 's'}.`)
    plan.comments.forEach((c, i) => {
      const lines = c.startLine === undefined ? `line ${c.line}` : `lines ${c.startLine}-${c.line}`
      out.push('', rule, `Comment ${i + 1} of ${plan.comments.length}: ${c.path}, ${lines} (RIGHT side)`, rule, c.body)
    })
    out.push('', rule, 'Review body', rule, plan.body)
  }
  if (plan.outsideDiff.length > 0) {
    out.push('', rule, `Not posted: ${plan.outsideDiff.length} finding${plan.outsideDiff.length === 1 ? '' : 's'} on lines the pull request did not change`, rule)
    for (const f of plan.outsideDiff) out.push(`${f.path}:${f.span.start.line}:${f.span.start.column}  ${f.severity}  ${f.message}  ${f.ruleId}`)
  }
  return `${out.join('\n')}\n`
}
