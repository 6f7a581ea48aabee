import type { ApplicationFunctionOptions, Context, Probot } from 'probot'
import { openEnglishDictionary } from '../spelling/dictionary.js'
import type { LintAssets } from '../lint/lint-assets.js'
import { REVIEWED_ACTIONS, reviewPullRequest } from '../github/review-pull-request.js'
import { healthHandler, metricsHandler, payloadValidator } from './http-endpoints.js'
import type { AppMetrics } from './metrics.js'
import { oneRunPerPullRequest, type PullRequestLocks } from './pull-request-locks.js'
import { readQueuedJob, type QueuedJob } from './pull-request-job.js'
import { rateLimitDelayMs, RetryLater } from './retry-policy.js'
import type { RunQueue } from './run-queue.js'

const EVENTS = REVIEWED_ACTIONS.map((action) => `pull_request.${action}` as const)

export interface ServerRuntime {
  readonly queue: RunQueue
  readonly locks: PullRequestLocks
  readonly metrics: AppMetrics
  readonly webhookPath: string
  readonly webhookSecret: string
}

/**
 * The app as a server: a webhook is answered as soon as its run is recorded in the
 * queue; runs come from the queue, one at a time per pull request. (The Action runs
 * the same review inline: src/index.ts.)
 */
export function queuedBluepencil(runtime: ServerRuntime) {
  return (app: Probot, options: ApplicationFunctionOptions): void => {
    const { queue, metrics } = runtime
    // The rules are compiled on the lint thread only; the main thread needs the dictionary for a repository's Vale styles.
    const assets = { dictionary: openEnglishDictionary() }
    options.addHandler(payloadValidator({ path: runtime.webhookPath, secret: runtime.webhookSecret, log: app.log, metrics }))
    options.addHandler(healthHandler(queue))
    options.addHandler(metricsHandler(metrics))
    app.on(EVENTS, async (context: Context<'pull_request'>) => {
      const read = readQueuedJob(context.id, context.payload)
      // The validator has answered 400 already; this is reached only by a payload it let through.
      if ('problem' in read) throw Object.assign(new Error(read.problem), { status: 400 })
      await queue.add(read.job)
      metrics.webhooks.inc({ result: 'queued' })
    })
    queue.start(oneRunPerPullRequest(runtime.locks, (job) => runQueuedJob(app, job, metrics, assets)))
  }
}

async function runQueuedJob(app: Probot, job: QueuedJob, metrics: AppMetrics, assets: Pick<LintAssets, 'dictionary'>): Promise<void> {
  const octokit = await app.auth(job.installationId)
  octokit.hook.wrap('request', async (request, options) => {
    let status = 0
    try {
      const response = await request(options)
      status = response.status
      return response
    } catch (error) {
      status = (error as { status?: number }).status ?? 0
      throw error
    } finally {
      metrics.githubRequests.inc({ method: String(options.method), status })
    }
  })
  const log = app.log.child({ name: 'run', delivery: job.deliveryId })
  const endTimer = metrics.runSeconds.startTimer()
  try {
    const summary = await reviewPullRequest({ octokit, job, log, assets })
    metrics.runs.inc({ outcome: summary.outcome })
  } catch (error) {
    const wait = rateLimitDelayMs(error)
    if (wait !== undefined) {
      log.warn({ repo: `${job.owner}/${job.repo}`, pr: job.number, waitS: Math.round(wait / 1000) }, 'GitHub rate limit: run put back until the limit resets')
      throw new RetryLater(wait, 'rate limited')
    }
    metrics.runFailures.inc({ final: 'false' })
    throw error
  } finally {
    endTimer()
  }
}
