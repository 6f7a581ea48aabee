import { describe, expect, it } from 'vitest'
import { backoffMs, rateLimitDelayMs } from '../../src/app/retry-policy.js'

const error = (status: number, headers: Record<string, string>, message = 'API rate limit exceeded') => ({ status, message, response: { headers } })
const now = 1_700_000_000_000

describe('rateLimitDelayMs', () => {
  it('honours retry-after, in seconds, first', () => {
    expect(rateLimitDelayMs(error(403, { 'retry-after': '120', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1' }), now)).toBe(120_000)
    expect(rateLimitDelayMs(error(429, { 'retry-after': '0' }), now)).toBe(0)
  })

  it('waits until x-ratelimit-reset when the quota is spent, even hours away', () => {
    const reset = String(now / 1000 + 3 * 3600)
    expect(rateLimitDelayMs(error(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }), now)).toBe(3 * 3600 * 1000 + 1000)
  })

  it('waits a minute on a secondary limit that names no time', () => {
    expect(rateLimitDelayMs(error(403, {}, 'You have exceeded a secondary rate limit'), now)).toBe(60_000)
  })

  it('is not a rate limit: a 403 for a permission, a 502, a network error', () => {
    expect(rateLimitDelayMs(error(403, { 'x-ratelimit-remaining': '4000' }, 'Resource not accessible by integration'), now)).toBeUndefined()
    expect(rateLimitDelayMs(error(502, { 'retry-after': '5' }), now)).toBeUndefined()
    expect(rateLimitDelayMs(new Error('socket hang up'), now)).toBeUndefined()
  })
})

describe('backoffMs', () => {
  it('doubles from the first pause', () => {
    expect([1, 2, 3, 10].map((n) => backoffMs(n, 5000))).toEqual([5000, 10_000, 20_000, 2_560_000])
  })
})
