import { isObject } from '../core/is-object.js'
import type { PullRequestJob } from '../github/review-pull-request.js'

/**
 * A queued run: the handler's job plus what the queue needs to run it after a restart
 * (the installation to authenticate as) and to recognise a redelivery (the delivery id).
 * Small enough to keep in Redis.
 */
export interface QueuedJob extends PullRequestJob {
  readonly deliveryId: string
  readonly action: string
  readonly installationId: number
}

export type ReadJobResult = { readonly job: QueuedJob } | { readonly problem: string }

/**
 * Reads a run from a webhook payload, or names every field that is missing or of the
 * wrong type (the payload is untrusted input even when signed: a hand-made redelivery
 * or a proxy can mangle it).
 */
export function readQueuedJob(deliveryId: string, payload: unknown): ReadJobResult {
  const missing: string[] = []
  const at = (path: string, type: 'string' | 'number' | 'object'): unknown => {
    let value: unknown = payload
    for (const key of path.split('.')) value = isObject(value) ? value[key] : undefined
    if (type === 'object' ? !isObject(value) : typeof value !== type) {
      missing.push(`${path} (${type})`)
      return undefined
    }
    return value
  }
  const action = at('action', 'string') as string
  const number = at('pull_request.number', 'number') as number
  const headSha = at('pull_request.head.sha', 'string') as string
  const owner = at('repository.owner.login', 'string') as string
  const repo = at('repository.name', 'string') as string
  const installationId = at('installation.id', 'number') as number
  if (missing.length > 0) return { problem: `pull_request payload is missing ${missing.join(', ')}` }
  const draft = isObject(payload) && isObject(payload.pull_request) && payload.pull_request.draft === true
  return { job: { deliveryId, action, installationId, owner, repo, number, headSha, draft } }
}

/** The runs on one pull request are serialised on this key, across replicas. */
export function pullRequestKey(job: Pick<QueuedJob, 'owner' | 'repo' | 'number'>): string {
  return `${job.owner}/${job.repo}#${job.number}`
}
