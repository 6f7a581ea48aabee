import { ProbotOctokit } from 'probot'
import { memoryWindowStore, redisWindowStore, slidingWindowLimiter, type RedisEval, type RequestWindow } from './request-windows.js'

/** How often a request is retried in process after GitHub's secondary rate limit. */
export const SECONDARY_LIMIT_RETRIES = 3
/**
 * Longer waits are not slept through in process: the request fails, and the run queue
 * puts the run back until GitHub's reset time (durably with Redis), so a limit that
 * lasts hours neither holds a worker nor loses the run.
 */
export const IN_PROCESS_WAIT_LIMIT_S = 60

/**
 * GitHub's secondary limits, for the app as a whole (one set for all installations, in
 * Redis across replicas): content-creating requests (reviews, comments) at most 80 in
 * any minute and 500 in any hour; other writes (check runs, GraphQL) at most 170 in any
 * minute, under the 180 that GitHub's 900 points a minute allow (a write costs 5).
 * Windows, not spacing: the stock plugin spaces reviews 3 s apart, and even 820 ms apart
 * 50 reviews take 41 s, while GitHub lets 80 go at once. The minute is counted as 62 s,
 * so that requests taken in one order but arriving in another (network delays) still
 * fit in GitHub's minute.
 */
const MINUTE_MS = 62_000
export const CONTENT_CREATING_WINDOWS: readonly RequestWindow[] = [
  { limit: 80, ms: MINUTE_MS },
  { limit: 500, ms: 3_600_000 },
]
export const WRITE_WINDOWS: readonly RequestWindow[] = [{ limit: 170, ms: MINUTE_MS }]

type ThrottleOptions = { method: string; url: string }
type Logger = { warn(message: string): void }
/** The plugin asks its limiter groups for one limiter per installation and schedules on it; ours give one for all. */
type Schedule = (options: unknown, task: () => Promise<unknown>) => Promise<unknown>
type OneLimiter = { key(id?: string): { schedule: Schedule } }
type Limiters = { write: OneLimiter; notifications: OneLimiter }

const LOCAL = {}
const limitersByConnection = new WeakMap<object, Limiters>()

function asGroup(limiter: { take(): Promise<void> }): OneLimiter {
  const schedule: Schedule = async (_options, task) => {
    await limiter.take()
    return task()
  }
  return { key: () => ({ schedule }) }
}

/**
 * One set of limiters per process (per Redis connection: then per app, across replicas),
 * shared by every installation's octokit: GitHub's limit binds the app as a whole, while
 * the plugin's own groups would allow the rate once per installation.
 */
function limiters(connection: object | undefined): Limiters {
  const key = connection ?? LOCAL
  let found = limitersByConnection.get(key)
  if (!found) {
    // Probot's throttle connection is Bottleneck's wrapper around its ioredis client.
    const client = (connection as { client?: RedisEval } | undefined)?.client
    const store = client ? redisWindowStore(client) : memoryWindowStore()
    found = {
      write: asGroup(slidingWindowLimiter(store, 'write', WRITE_WINDOWS)),
      notifications: asGroup(slidingWindowLimiter(store, 'content-creating', CONTENT_CREATING_WINDOWS)),
    }
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
