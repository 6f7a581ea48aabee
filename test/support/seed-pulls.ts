import { readFileSync } from 'node:fs'
import { FakeGitHub, type FakePull } from './fake-github.js'
import { githubPatch } from './patches.js'
import { pullRequestPayload } from './webhook-payloads.js'

const OWNER = 'acme'
const REPO = 'blog'
const PATH = 'content/blog/part2.md'
const post = readFileSync(new URL('../../fixtures/posts/beam-flink-part2.md', import.meta.url), 'utf8')

/**
 * The end-to-end tests' repository on the GitHub stand-in: pull requests that each add the
 * seed post, their webhook payloads (real shapes) and the reviews posted on them. Head SHAs
 * are the number padded with `shaFill`, so two suites sharing a stand-in never collide.
 */
export function seedRepository(shaFill: string) {
  const github = new FakeGitHub(OWNER, REPO)
  return {
    github,
    addPull(number: number): FakePull {
      const pull: FakePull = { number, headSha: `${number}`.padStart(40, shaFill), files: [{ filename: PATH, status: 'added', patch: githubPatch('', post), content: post }] }
      github.pulls.set(number, pull)
      return pull
    },
    payload: (pull: FakePull, action = 'opened') => pullRequestPayload({ action, owner: OWNER, repo: REPO, number: pull.number, headSha: pull.headSha }),
    reviewsOn: (n: number) => github.reviews.filter((r) => r.pull === n),
  }
}

/** Polls until `condition` holds; fails naming `what` after `ms`. */
export async function waitFor(what: string, condition: () => boolean, ms = 30_000): Promise<void> {
  for (const deadline = Date.now() + ms; !condition(); ) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}
