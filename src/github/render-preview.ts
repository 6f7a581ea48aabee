import type { RunSummary } from './handle-pull-request.js'
import type { WriteRecord } from './recorded-writes.js'

const rule = '─'.repeat(72)
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * What a run wrote, for the terminal: every line comment with its anchor and exact body,
 * the exact review body, the check run, the threads it resolves, then the findings left
 * alone because the pull request did not touch their lines. `posted` says whether the
 * writes went to GitHub or are what the app would send.
 */
export function renderRun(summary: RunSummary, record: WriteRecord, posted: boolean): string {
  const out: string[] = []
  const review = record.reviews.at(-1)
  if (summary.outcome === 'skipped-draft') out.push(`A draft pull request: the app ${posted ? 'posted' : 'would post'} nothing (set \`drafts: true\` to review drafts).`)
  else if (summary.outcome === 'no-posts') out.push(`No changed blog post: the app ${posted ? 'posted' : 'would post'} nothing.`)
  else if (summary.outcome === 'invalid-config') out.push(`The configuration is invalid: the app ${posted ? 'posted' : 'would post'} no review.`)
  else if (summary.outcome === 'already-reviewed') out.push(`A run on this commit posted its review already: the app ${posted ? 'posted' : 'would post'} no other.`)
  else if (!review) out.push(`Nothing new to say: the app ${posted ? 'posted' : 'would post'} no review.`)
  else {
    const what = `one review (event COMMENT, commit ${review.commitId.slice(0, 12)}) with ${plural(review.comments.length, 'line comment')}`
    out.push(posted ? `Posted ${what}.` : `The app would post ${what}.`)
    review.comments.forEach((c, i) => {
      const lines = c.start_line === undefined ? `line ${c.line}` : `lines ${c.start_line}-${c.line}`
      out.push('', rule, `Comment ${i + 1} of ${review.comments.length}: ${c.path}, ${lines} (${c.side} side)`, rule, c.body)
    })
    out.push('', rule, 'Review body', rule, review.body)
  }
  const check = record.checkRuns.at(-1)
  if (check) out.push('', rule, `Check run "Bluepencil": ${check.conclusion}, ${check.title} (${plural(check.annotations.length, 'annotation')})`, rule, check.summary)
  if (record.resolvedThreads.length > 0) out.push('', `${posted ? 'Resolved' : 'Would resolve'} ${plural(record.resolvedThreads.length, 'review thread')} whose findings are gone.`)
  const outside = summary.plan?.outsideDiff ?? []
  if (outside.length > 0) {
    out.push('', rule, `Not posted: ${plural(outside.length, 'finding')} on lines the pull request did not change`, rule)
    for (const f of outside) out.push(`${f.path}:${f.span.start.line}:${f.span.start.column}  ${f.severity}  ${f.message}  ${f.ruleId}`)
  }
  return `${out.join('\n')}\n`
}
