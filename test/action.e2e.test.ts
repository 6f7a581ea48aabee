import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FakeGitHub, type FakePull } from './support/fake-github.js'
import { githubPatch } from './support/patches.js'
import { pullRequestPayload } from './support/webhook-payloads.js'

const OWNER = 'apache'
const REPO = 'beam'
const PATH = 'website/www/site/content/en/blog/apache-beam-flink-and-kubernetes-part2.md'
const post = readFileSync(new URL('../fixtures/posts/beam-flink-part2.md', import.meta.url), 'utf8')
const action = fileURLToPath(new URL('../dist/src/action.js', import.meta.url))
const github = new FakeGitHub(OWNER, REPO)
// Beam's config switches on the opt-in rules of the Google developer style guide.
github.config = readFileSync(new URL('../fixtures/posts/beam-bluepencil.yml', import.meta.url), 'utf8')
let apiUrl = ''

beforeAll(async () => {
  apiUrl = `http://127.0.0.1:${await github.start()}/api/v3`
})
afterAll(() => github.stop())

function addPull(number: number): FakePull {
  const pull: FakePull = { number, headSha: `${number}`.padStart(40, 'a'), files: [{ filename: PATH, status: 'added', patch: githubPatch('', post), content: post }] }
  github.pulls.set(number, pull)
  return pull
}

/** Runs the Action's entry as a workflow step does: a child process with the runner's default variables. */
async function runStep(event: { name?: string; payload: unknown }, env: Record<string, string | undefined> = {}): Promise<{ code: number | null; out: string }> {
  const eventPath = join(mkdtempSync(join(tmpdir(), 'bluepencil-action-')), 'event.json')
  writeFileSync(eventPath, JSON.stringify(event.payload))
  const child = spawn(process.execPath, [action], {
    env: {
      PATH: process.env.PATH,
      GITHUB_ACTIONS: 'true',
      GITHUB_RUN_ID: '4242',
      GITHUB_TOKEN: 'ghs_workflow_token',
      GITHUB_API_URL: apiUrl,
      GITHUB_EVENT_NAME: event.name ?? 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout.on('data', (c: Buffer) => (out += c.toString()))
  child.stderr.on('data', (c: Buffer) => (out += c.toString()))
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve))
  return { code, out }
}

const payload = (pull: FakePull, action = 'opened') => pullRequestPayload({ action, owner: OWNER, repo: REPO, number: pull.number, headSha: pull.headSha })

describe('the GitHub Action entry, as a process with the Actions environment, against the GitHub stand-in', () => {
  it("posts the app's review and check run with the workflow token, and adds nothing on a re-run", async () => {
    const pull = addPull(11)
    const before = github.requests.length
    const first = await runStep({ payload: payload(pull) })
    expect(first.out).toContain('bluepencil run {')
    expect(first.code).toBe(0)
    const reviews = github.reviews.filter((r) => r.pull === 11)
    expect(reviews).toHaveLength(1)
    expect(reviews[0]).toMatchObject({ event: 'COMMENT', commit_id: pull.headSha })
    expect(reviews[0]!.comments.length).toBeGreaterThanOrEqual(7)
    const annotations = github.latestCheckRun(pull.headSha)!.annotations.length
    expect(annotations).toBeGreaterThanOrEqual(10)
    // The workflow token is used as it is: no app installation token is asked for.
    expect(github.requests.slice(before).some((r) => r.path.includes('/access_tokens'))).toBe(false)

    const again = await runStep({ payload: payload(pull, 'reopened') })
    expect(again.code).toBe(0)
    expect(again.out).toMatch(/"outcome":"nothing-new"/)
    expect(github.reviews.filter((r) => r.pull === 11)).toHaveLength(1)
    expect(github.latestCheckRun(pull.headSha)!.annotations).toHaveLength(annotations)
    expect(github.schemaErrors).toEqual([])
    expect(github.unknownRoutes).toEqual([])
  })

  it('retries a secondary rate limit a bounded number of times, then fails the step', async () => {
    const pull = addPull(12)
    // One more than the retries: the app's Octokit waits out three, then the step must fail.
    github.faults.push({ method: 'POST', path: /\/pulls\/12\/reviews$/, status: 403, remaining: 4, headers: { 'retry-after': '1', 'x-ratelimit-remaining': '4000' }, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' } })
    const failed = await runStep({ payload: payload(pull) })
    expect(failed.out).toContain("::warning::Secondary rate limit on POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews; retry 3 in 1s")
    expect(failed.out).toMatch(/^::error::Bluepencil failed: .*secondary rate limit.*\(HTTP 403\)$/m)
    expect(failed.code).toBe(1)
    expect(github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/pulls/12/reviews'))).toHaveLength(4)
    expect(github.reviews.filter((r) => r.pull === 12)).toHaveLength(0)
  })

  it('fails the step when GitHub refuses a call, naming it', async () => {
    const pull: FakePull = { number: 13, headSha: 'b'.repeat(40), files: [] }
    // Not in the stand-in: GitHub answers 404 to its files.
    const { code, out } = await runStep({ payload: payload(pull) })
    expect(out).toMatch(/^::error::Bluepencil failed: Not Found .*\(HTTP 404\)$/m)
    expect(code).toBe(1)
  })

  it('fails the step without a token or on an event that is not a pull request; skips other pull request actions', async () => {
    const pull = addPull(14)
    const calls = github.requests.length
    const noToken = await runStep({ payload: payload(pull) }, { GITHUB_TOKEN: undefined })
    expect(noToken).toMatchObject({ code: 1 })
    expect(noToken.out).toContain('::error::Bluepencil failed: GITHUB_TOKEN is not set')
    const push = await runStep({ name: 'push', payload: payload(pull) })
    expect(push.code).toBe(1)
    expect(push.out).toContain('run it on pull_request events, not push')
    const closed = await runStep({ payload: payload(pull, 'closed') })
    expect(closed).toMatchObject({ code: 0 })
    expect(closed.out).toContain('nothing to review on pull_request.closed')
    expect(github.requests.length).toBe(calls)
  })
})
