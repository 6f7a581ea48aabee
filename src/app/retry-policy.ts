/**
 * A run that cannot go on now but has not failed: the pull request is locked by another
 * run, or GitHub asked us to wait. The queue puts it back for later without counting an
 * attempt, so waiting for a rate limit to reset (up to hours) never uses up the retries.
 */
export class RetryLater extends Error {
  constructor(readonly delayMs: number, reason: string) {
    super(reason)
    this.name = 'RetryLater'
  }
}

/** How often a failing run is tried before it is reported as given up, and the first pause. */
export const RUN_ATTEMPTS = 10
export const FIRST_BACKOFF_MS = 5_000

/** Exponential backoff for failed runs: 5 s, 10 s, 20 s, ... (about 85 minutes over 10 attempts). */
export function backoffMs(attemptsMade: number, firstMs = FIRST_BACKOFF_MS): number {
  return firstMs * 2 ** Math.max(0, attemptsMade - 1)
}

const FALLBACK_SECONDARY_WAIT_MS = 60_000

interface HttpErrorShape {
  status?: number
  message?: string
  response?: { headers?: Record<string, string | number | undefined> }
}

/**
 * How long GitHub asked us to wait, if the error is a rate limit: `retry-after` (seconds)
 * first, then `x-ratelimit-reset` (epoch seconds) when the quota is spent, then GitHub's
 * advice for a secondary limit without a header (wait a minute). Undefined for any other error.
 */
export function rateLimitDelayMs(error: unknown, now = Date.now()): number | undefined {
  const e = error as HttpErrorShape
  if (e?.status !== 403 && e?.status !== 429) return undefined
  const headers = e.response?.headers ?? {}
  const retryAfter = Number(headers['retry-after'])
  if (Number.isFinite(retryAfter) && retryAfter >= 0 && headers['retry-after'] !== undefined) return retryAfter * 1000
  const reset = Number(headers['x-ratelimit-reset'])
  if (String(headers['x-ratelimit-remaining']) === '0' && Number.isFinite(reset)) return Math.max(1000, reset * 1000 - now + 1000)
  if (e.status === 429 || /secondary rate limit/i.test(e.message ?? '')) return FALLBACK_SECONDARY_WAIT_MS
  return undefined
}
