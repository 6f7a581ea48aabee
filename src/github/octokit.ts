import Bottleneck from 'bottleneck'
import { ProbotOctokit } from 'probot'

/** How often a request is retried in process after GitHub's secondary rate limit. */
export const SECONDARY_LIMIT_RETRIES = 3
/**
 * Longer waits are not slept through in process: the request fails, and the run queue
 * puts the run back until GitHub's reset time (durably with Redis), so a limit that
 * lasts hours neither holds a worker nor loses the run.
 */
export const IN_PROCESS_WAIT_LIMIT_S = 60

/**
 * Content-creating requests (reviews, comments) at most every 820 ms: 73 a minute, under
 * GitHub's secondary limit of 80 with room for the retries of refused ones. Other writes
 * (check runs, GraphQL) every 350 ms: 171 a minute, under the 180 that GitHub's 900
 * points a minute allow (a write costs 5). The stock plugin spaces reviews 3 s apart (20
 * a minute), which made 50 pull requests take 150 s. With REDIS_URL the limiters live in
 * Redis and bind every replica together.
 */
const CONTENT_CREATING_MIN_MS = 820
const WRITE_MIN_MS = 350

type ThrottleOptions = { method: string; url: string }
type Logger = { warn(message: string): void }
/** The plugin asks its limiter groups for one limiter per installation; ours give one for all. */
type OneLimiter = { key(id?: string): Bottleneck }
type Limiters = { write: OneLimiter; notifications: OneLimiter }

const LOCAL = {}
const limitersByConnection = new WeakMap<object, Limiters>()

/**
 * One set of limiters per process (per Redis connection: then per app, across replicas),
 * shared by every installation's octokit: GitHub's limit binds the app as a whole, while
 * the plugin's own groups would allow the rate once per installation.
 */
function limiters(connection: object | undefined): Limiters {
  const key = connection ?? LOCAL
  let found = limitersByConnection.get(key)
  if (!found) {
    // Spacing only (minTime), no maxConcurrent: in Redis a request in flight in a process
    // that dies would hold the one slot until its reservation expires (a minute).
    const common = connection ? { connection: connection as Bottleneck.IORedisConnection } : {}
    const write = new Bottleneck({ id: 'bluepencil-write', minTime: WRITE_MIN_MS, ...common })
    const content = new Bottleneck({ id: 'bluepencil-content', minTime: CONTENT_CREATING_MIN_MS, ...common })
    found = { write: { key: () => write }, notifications: { key: () => content } }
    limitersByConnection.set(key, found)
  }
  return found
}

/**
 * Probot's octokit with our limiters and rate-limit policy: stock Probot 14 only logs
 * secondary limits, so a review would be lost. 5xx and network errors are retried by
 * the retry plugin Probot already includes (3 times, with backoff), except where a
 * caller turns that off for a write it must not repeat blindly.
 */
export const BluepencilOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => {
  const throttle = options.throttle as { connection?: object; enabled?: boolean } | undefined
  return {
    ...options,
    throttle: {
      ...throttle,
      // Explicit, because Probot gives installation clients `{ enabled: false }` (no
      // throttling at all) unless the app client's options say `enabled: true`.
      enabled: throttle?.enabled ?? true,
      ...limiters(throttle?.connection),
      onSecondaryRateLimit: (retryAfter: number, request: ThrottleOptions, octokit: { log: Logger }, retryCount: number) => {
        const retry = retryCount < SECONDARY_LIMIT_RETRIES && retryAfter <= IN_PROCESS_WAIT_LIMIT_S
        octokit.log.warn(`Secondary rate limit on ${request.method} ${request.url}; ${retry ? `retry ${retryCount + 1} in ${retryAfter}s` : `the run is put back for ${retryAfter}s`}`)
        return retry
      },
      onRateLimit: (retryAfter: number, request: ThrottleOptions, octokit: { log: Logger }, retryCount: number) => {
        const retry = retryCount < 2 && retryAfter <= IN_PROCESS_WAIT_LIMIT_S
        octokit.log.warn(`Rate limit on ${request.method} ${request.url}; ${retry ? `retry ${retryCount + 1} in ${retryAfter}s` : `the run is put back for ${retryAfter}s`}`)
        return retry
      },
    },
  }
})
