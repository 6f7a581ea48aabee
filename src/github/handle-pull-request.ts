import { parseRepoConfig } from '../config/repo-config.js'
import { formatConfigError } from '../config/rule-file.js'
import type { Finding, SkippedFile } from '../core/types.js'
import { createLinter } from '../lint/linter.js'
import { readMarkers } from '../review/fingerprint.js'
import { planReview } from '../review/plan-review.js'
import type { ReviewFile, ReviewPlan } from '../review/plan-types.js'
import { MAX_BODY } from '../review/render-comment.js'
import { renderReviewBody } from '../review/render-review-body.js'
import { checkReport, configFailure } from './check-report.js'
import type { GitHubPort, NewReviewComment } from './github-port.js'

export interface PullRequestInfo {
  readonly repo: string
  readonly number: number
  readonly headSha: string
  readonly draft: boolean
}

export interface RunLog {
  info(fields: Record<string, unknown>, message: string): void
  warn(fields: Record<string, unknown>, message: string): void
}

export interface RunSummary {
  readonly outcome: 'reviewed' | 'nothing-new' | 'skipped-draft' | 'no-posts' | 'invalid-config'
  readonly files: number
  readonly findings: number
  readonly comments: number
}

const CONFIG_FILE = '.github/bluepencil.yml'
const REVIEWABLE = new Set(['added', 'modified', 'renamed', 'copied', 'changed'])

/**
 * One run on a pull request, as numbered steps: config, files, lint, plan, post, report.
 * `rawConfig` is what context.config read from the default branch (an Error if it could
 * not be read), so a pull request cannot loosen the rules applied to itself.
 */
export async function handlePullRequest(options: { port: GitHubPort; pr: PullRequestInfo; rawConfig: unknown; log: RunLog }): Promise<RunSummary> {
  const { port, pr, log } = options

  // 1. Configuration and the repository's own rules.
  const parsed = options.rawConfig instanceof Error
    ? { config: undefined, errors: [{ file: CONFIG_FILE, path: '', message: options.rawConfig.message }] }
    : parseRepoConfig(options.rawConfig, CONFIG_FILE)
  if (!parsed.config || parsed.errors.length > 0) {
    await port.reportCheckRun(configFailure(pr.headSha, parsed.errors.map(formatConfigError)))
    return { outcome: 'invalid-config', files: 0, findings: 0, comments: 0 }
  }
  const config = parsed.config
  if (pr.draft && !config.drafts) return { outcome: 'skipped-draft', files: 0, findings: 0, comments: 0 }
  const extraRuleFiles = (await Promise.all(config.ruleDirs.map((dir) => port.listRuleFiles(dir)))).flat()
  const { linter, errors: ruleErrors } = createLinter({ config, extraRuleFiles })

  // 2. The changed posts.
  const changed = (await port.listChangedFiles()).filter((f) => REVIEWABLE.has(f.status) && linter.isPost(f.path))
  if (changed.length === 0) return { outcome: 'no-posts', files: 0, findings: 0, comments: 0 }

  // 3. Lint each post at the head commit.
  const files: ReviewFile[] = []
  const notReviewed: SkippedFile[] = []
  for (const file of changed) {
    const bytes = await port.getFile(file.path, pr.headSha)
    if (!bytes) {
      notReviewed.push({ path: file.path, reason: 'could not be read at the head commit (missing, or over 1 MB)' })
      continue
    }
    const result = linter.lint(file.path, bytes)
    if (result.kind === 'skipped') notReviewed.push(result.skipped)
    else files.push({ path: file.path, source: result.source, patch: file.patch, findings: result.findings })
  }

  // 4. What was posted before: markers in the bot's comments and review bodies.
  const existing = await port.listReviewComments()
  const bodies = await port.listReviewBodies()
  const posted = new Set([...existing.flatMap((c) => readMarkers(c.body)), ...bodies.flatMap(readMarkers)])

  // 5. Plan and post one review, only when something is new.
  const plan = planReview({ commitId: pr.headSha, files, postedFingerprints: posted, maxComments: config.maxComments, mode: config.filter, notReviewed })
  if (!plan.isEmpty) await postReview(port, plan, log, pr)

  // 6. The check run: totals and annotations for every finding on the changed lines.
  const onChangedLines = [...plan.comments.flatMap((c) => c.findings), ...plan.overflow, ...plan.unanchored, ...alreadyPostedFindings(files, plan)]
  const notes = [
    ...ruleErrors.map((e) => `Rule file problem: ${formatConfigError(e)}`),
    ...plan.notReviewed.map((s) => `Not reviewed: ${s.path} (${s.reason})`),
  ]
  await port.reportCheckRun(checkReport({ headSha: pr.headSha, findings: dedupe(onChangedLines), failOn: config.failOn, posts: files.length, notes, invalidRules: ruleErrors.length > 0 }))

  // 7. Resolve the bot's threads whose finding is gone, unless a human replied.
  await resolveFixedThreads(port, existing, plan, log)

  return { outcome: plan.isEmpty ? 'nothing-new' : 'reviewed', files: files.length, findings: files.reduce((n, f) => n + f.findings.length, 0), comments: plan.comments.length }
}

async function postReview(port: GitHubPort, plan: ReviewPlan, log: RunLog, pr: PullRequestInfo): Promise<void> {
  const comments: NewReviewComment[] = plan.comments.map((c) => ({
    path: c.path,
    body: c.body,
    line: c.line,
    side: 'RIGHT',
    ...(c.startLine === undefined ? {} : { start_line: c.startLine, start_side: 'RIGHT' as const }),
  }))
  try {
    await port.createReview({ commitId: plan.commitId, body: plan.body, comments })
  } catch (error) {
    if ((error as { status?: number }).status !== 422) throw error
    // GitHub rejected an anchor without saying which: keep every finding, in the body.
    log.warn({ repo: pr.repo, pr: pr.number, error: (error as Error).message }, 'review rejected (422); posting the comments in the review body')
    const findings = plan.comments.flatMap((c) => c.findings)
    const markers = [...new Set([...(plan.body.match(/<!-- bluepencil:fp=[0-9a-f]+ -->/g) ?? []), ...plan.comments.flatMap((c) => c.fingerprints).map((fp) => `<!-- bluepencil:fp=${fp} -->`)])].join('\n')
    const summary = renderReviewBody({
      files: new Set(findings.map((f) => f.path)).size,
      comments: 0,
      overflow: [...findings, ...plan.overflow],
      unanchored: plan.unanchored,
      notReviewed: plan.notReviewed,
      outsideDiff: plan.outsideDiff.length,
      alreadyPosted: plan.alreadyPosted,
      maxLength: MAX_BODY - markers.length - 1,
    })
    const body = `${summary}\n${markers}`
    await port.createReview({ commitId: plan.commitId, body, comments: [] })
  }
}

/** Findings on changed lines that an earlier run already commented on still count in the check. */
function alreadyPostedFindings(files: readonly ReviewFile[], plan: ReviewPlan): Finding[] {
  const shown = new Set([...plan.comments.flatMap((c) => c.findings), ...plan.overflow, ...plan.unanchored, ...plan.outsideDiff])
  return files.flatMap((f) => f.findings).filter((f) => !shown.has(f))
}

function dedupe(findings: readonly Finding[]): Finding[] {
  return [...new Set(findings)]
}

async function resolveFixedThreads(port: GitHubPort, existing: Awaited<ReturnType<GitHubPort['listReviewComments']>>, plan: ReviewPlan, log: RunLog): Promise<void> {
  const repliedTo = new Set(existing.filter((c) => !c.authorIsBot && c.inReplyTo !== undefined).map((c) => c.inReplyTo))
  const gone = existing.filter((c) => {
    const fps = readMarkers(c.body)
    return c.inReplyTo === undefined && fps.length > 0 && !repliedTo.has(c.id) && fps.every((fp) => !plan.currentFingerprints.has(fp))
  })
  if (gone.length === 0) return
  try {
    await port.resolveThreads(gone.map((c) => c.id))
  } catch (error) {
    log.warn({ error: (error as Error).message }, 'could not resolve fixed review threads; going on')
  }
}
