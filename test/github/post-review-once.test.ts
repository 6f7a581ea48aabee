import { describe, expect, it } from 'vitest'
import { mayHaveBeenStored, postReviewOnce, runKey } from '../../src/github/post-review-once.js'

const key = runKey(7, 'a'.repeat(40))
const review = { commitId: 'a'.repeat(40), body: 'Two suggestions.', comments: [] }
const noPause = async () => undefined

/** A pull request's reviews, where a create can be stored and still answer with an error. */
function pullRequest(failures: { status?: number | undefined; stored: boolean }[]) {
  const bodies: string[] = []
  let creates = 0
  return {
    bodies,
    get creates() {
      return creates
    },
    async createReview(r: { body: string }) {
      creates++
      const failure = failures.shift()
      if (!failure || failure.stored) bodies.push(r.body)
      if (failure) throw Object.assign(new Error('failed'), failure.status === undefined ? {} : { status: failure.status })
    },
    async listReviewBodies() {
      return [...bodies]
    },
  }
}

describe('postReviewOnce', () => {
  it('adds the run key to the body it posts', async () => {
    const pr = pullRequest([])
    expect(await postReviewOnce(pr, review, key, noPause)).toBe('posted')
    expect(pr.bodies).toEqual([`Two suggestions.\n${key}`])
  })

  it.each([502, undefined])('reads back instead of posting again when the answer (%s) was lost after GitHub stored the review', async (status) => {
    const pr = pullRequest([{ status, stored: true }])
    expect(await postReviewOnce(pr, review, key, noPause)).toBe('found')
    expect(pr.creates).toBe(1)
    expect(pr.bodies).toHaveLength(1)
  })

  it('posts again when the read-back shows nothing was stored', async () => {
    const pr = pullRequest([{ status: 502, stored: false }])
    expect(await postReviewOnce(pr, review, key, noPause)).toBe('posted')
    expect(pr.creates).toBe(2)
    expect(pr.bodies).toHaveLength(1)
  })

  it('gives a definite refusal (422) back at once, without reading back', async () => {
    const pr = pullRequest([{ status: 422, stored: false }])
    await expect(postReviewOnce(pr, review, key, noPause)).rejects.toMatchObject({ status: 422 })
    expect(pr.creates).toBe(1)
  })

  it('gives up after three ambiguous failures that stored nothing, and has posted nothing twice', async () => {
    const pr = pullRequest([{ status: 503, stored: false }, { status: 503, stored: false }, { status: 503, stored: false }])
    await expect(postReviewOnce(pr, review, key, noPause)).rejects.toMatchObject({ status: 503 })
    expect(pr.creates).toBe(3)
    expect(pr.bodies).toHaveLength(0)
  })

  it('tells answers that may hide a stored write from refusals', () => {
    expect([undefined, 500, 502, 504].map((status) => mayHaveBeenStored({ status }))).toEqual([true, true, true, true])
    expect([400, 403, 404, 422, 429].map((status) => mayHaveBeenStored({ status }))).toEqual([false, false, false, false, false])
  })
})
