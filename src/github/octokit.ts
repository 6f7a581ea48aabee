import { ProbotOctokit } from 'probot'

/** How often a request is retried after GitHub's secondary rate limit before the run fails. */
export const SECONDARY_LIMIT_RETRIES = 3

type ThrottleOptions = { method: string; url: string }
type Logger = { warn(message: string): void }

/**
 * Probot's octokit with bounded retries on secondary rate limits: stock Probot 14 only
 * logs them, so a review would be lost. 5xx and network errors are retried by the
 * retry plugin Probot already includes (3 times, with backoff).
 */
export const BluepencilOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  throttle: {
    ...(options.throttle as object | undefined),
    onSecondaryRateLimit: (retryAfter: number, request: ThrottleOptions, octokit: { log: Logger }, retryCount: number) => {
      octokit.log.warn(`Secondary rate limit on ${request.method} ${request.url}; retry ${retryCount + 1} in ${retryAfter}s`)
      return retryCount < SECONDARY_LIMIT_RETRIES
    },
    onRateLimit: (retryAfter: number, request: ThrottleOptions, octokit: { log: Logger }, retryCount: number) => {
      octokit.log.warn(`Rate limit on ${request.method} ${request.url}; retry ${retryCount + 1} in ${retryAfter}s`)
      return retryCount < 2
    },
  },
}))
