import type { GitHubPort, NewReviewComment } from './github-port.js'

/**
 * The hidden key of one run's review: one review per (pull request, head SHA), whatever
 * fails. Kept in the review body, where the next attempt reads it back from GitHub.
 */
export function runKey(pull: number, headSha: string): string {
  return `<!-- bluepencil:run=${runId(pull, headSha)} -->`
}

/** The run's identity as plain text (a check run's external_id). */
export function runId(pull: number, headSha: string): string {
  return `${pull}@${headSha}`
}

export function hasRunKey(bodies: readonly string[], key: string): boolean {
  return bodies.some((b) => b.includes(key))
}

/**
 * Whether GitHub may have stored a write whose answer was an error: no answer at all
 * (connection reset, timeout) or a 5xx. 4xx answers (422, rate limits) stored nothing.
 */
export function mayHaveBeenStored(error: unknown): boolean {
  const status = (error as { status?: number }).status
  return status === undefined || status >= 500
}

const ATTEMPTS = 3
const PAUSE_MS = 1000

/**
 * Creates the review unless one with this run key is already on the pull request. After
 * an answer that may hide a stored review, reads the pull request's reviews back before
 * posting again, so a lost answer never becomes a second review. The port must not
 * retry this request on its own. Gives the error back after a few attempts (the run
 * queue retries the whole run, which starts by reading the reviews too).
 */
export async function postReviewOnce(
  port: Pick<GitHubPort, 'createReview' | 'listReviewBodies'>,
  review: { commitId: string; body: string; comments: readonly NewReviewComment[] },
  key: string,
  pause: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<'posted' | 'found'> {
  const withKey = review.body.includes(key) ? review : { ...review, body: `${review.body}\n${key}` }
  for (let attempt = 1; ; attempt++) {
    try {
      await port.createReview(withKey)
      return 'posted'
    } catch (error) {
      if (!mayHaveBeenStored(error) || attempt >= ATTEMPTS) throw error
      await pause(PAUSE_MS * attempt)
      if (hasRunKey(await port.listReviewBodies(), key)) return 'found'
    }
  }
}
