import type { ProbotOctokit } from 'probot'
import type { LintAssets } from '../lint/lint-assets.js'
import { handlePullRequest, type RunLog, type RunSummary } from './handle-pull-request.js'
import { octokitPort, type PortOctokit } from './octokit-port.js'

/** The pull_request actions that get a review: the app and the Action listen to the same ones. */
export const REVIEWED_ACTIONS = ['opened', 'reopened', 'synchronize', 'ready_for_review'] as const

/** Everything a run needs to know of a pull request: small and serializable, so a job can carry it. */
export interface PullRequestJob {
  readonly owner: string
  readonly repo: string
  readonly number: number
  readonly headSha: string
  readonly draft: boolean
}

export interface RunLogger extends RunLog {
  error(fields: Record<string, unknown>, message: string): void
}

type MeteredOctokit = PortOctokit & Pick<InstanceType<typeof ProbotOctokit>, 'hook'>

interface PullRequestPayload {
  readonly repository: { readonly name: string; readonly owner: { readonly login: string } }
  readonly pull_request: { readonly number: number; readonly draft?: boolean; readonly head: { readonly sha: string } }
}

/** The job of a `pull_request` webhook payload. */
export function jobOf(payload: PullRequestPayload): PullRequestJob {
  const pr = payload.pull_request
  return { owner: payload.repository.owner.login, repo: payload.repository.name, number: pr.number, headSha: pr.head.sha, draft: pr.draft === true }
}

/**
 * One run of the handler over an authenticated Octokit, as the app and the Action do it:
 * counts and times every API call, and logs one line per run ("bluepencil run", or
 * "bluepencil run failed" before the error is thrown on). Use a fresh Octokit per run:
 * the counter is a hook on it.
 */
export async function reviewPullRequest(options: { octokit: MeteredOctokit; job: PullRequestJob; log: RunLogger; assets: Pick<LintAssets, 'dictionary'> }): Promise<RunSummary> {
  const { octokit, job, log } = options
  const started = Date.now()
  let apiCalls = 0
  let githubMs = 0
  // Counted and timed around every call, so the log tells our own time from GitHub's.
  octokit.hook.wrap('request', async (request, requestOptions) => {
    apiCalls++
    const sent = Date.now()
    try {
      return await request(requestOptions)
    } finally {
      githubMs += Date.now() - sent
    }
  })
  const repo = `${job.owner}/${job.repo}`
  try {
    const summary = await handlePullRequest({
      port: octokitPort(octokit, { owner: job.owner, repo: job.repo, number: job.number }),
      pr: { repo, number: job.number, headSha: job.headSha, draft: job.draft },
      log,
      assets: options.assets,
    })
    const { outcome, files, findings, errors, comments } = summary
    log.info({ repo, pr: job.number, outcome, files, findings, errors, comments, apiCalls, ms: Date.now() - started, githubMs }, 'bluepencil run')
    return summary
  } catch (error) {
    log.error({ repo, pr: job.number, apiCalls, ms: Date.now() - started, githubMs, err: error }, 'bluepencil run failed')
    throw error
  }
}
