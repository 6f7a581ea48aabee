import { describe, expect, it } from 'vitest'
import { isContentCreating } from '../../src/github/octokit.js'

describe('isContentCreating', () => {
  it('knows a review or a comment as content-creating on github.com and under a GitHub Enterprise base path', () => {
    for (const base of ['', '/api/v3']) {
      expect(isContentCreating(`${base}/repos/acme/blog/pulls/12/reviews`)).toBe(true)
      expect(isContentCreating(`${base}/repos/acme/blog/pulls/12/comments`)).toBe(true)
      expect(isContentCreating(`${base}/repos/acme/blog/issues/3/comments`)).toBe(true)
    }
  })

  it('leaves other writes to the general write limiter', () => {
    expect(isContentCreating('/api/v3/repos/acme/blog/check-runs')).toBe(false)
    expect(isContentCreating('/repos/acme/blog/check-runs/5')).toBe(false)
    expect(isContentCreating('/api/graphql')).toBe(false)
    expect(isContentCreating('/app/installations/7/access_tokens')).toBe(false)
  })
})
