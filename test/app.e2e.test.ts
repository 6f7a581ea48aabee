import { readFileSync, statSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseRepoConfigText } from '../src/config/repo-config.js'
import { createLinter } from '../src/lint/linter.js'
import { applySuggestion, suggestionContent } from '../src/review/apply-suggestion.js'
import { deliver, startApp, waitForRuns, type RunningApp } from './support/app-process.js'
import { FakeGitHub, type FakePull } from './support/fake-github.js'
import { githubPatch } from './support/patches.js'
import { pullRequestPayload } from './support/webhook-payloads.js'
import { assets } from './support/lint-assets.js'

const OWNER = 'apache'
const REPO = 'beam'
const PATH = 'website/www/site/content/en/blog/apache-beam-flink-and-kubernetes-part2.md'
const post = readFileSync(new URL('../fixtures/posts/beam-flink-part2.md', import.meta.url), 'utf8')

const github = new FakeGitHub(OWNER, REPO)
// Beam's config switches on the opt-in rules of the Google developer style guide.
const beamConfigText = readFileSync(new URL('../fixtures/posts/beam-bluepencil.yml', import.meta.url), 'utf8')
github.config = beamConfigText
let app: RunningApp
// Other test files run the CLI bundle from dist/ meanwhile: starting the app must not rewrite it.
const built = ['../dist/src/server.js', '../dist/bundle/cli.cjs'].map((f) => new URL(f, import.meta.url))
let builtAt: number[] = []

function addPull(number: number): FakePull {
  const pull: FakePull = { number, headSha: `${number}`.padStart(40, 'c'), files: [{ filename: PATH, status: 'added', patch: githubPatch('', post), content: post }] }
  github.pulls.set(number, pull)
  return pull
}

const payload = (pull: FakePull, action = 'opened') => pullRequestPayload({ action, owner: OWNER, repo: REPO, number: pull.number, headSha: pull.headSha })
let runs = 0
const nextRun = () => waitForRuns(app, ++runs)

beforeAll(async () => {
  const port = await github.start()
  builtAt = built.map((f) => statSync(f).mtimeMs)
  app = await startApp({ githubPort: port })
}, 120_000)

afterAll(async () => {
  await app?.stop()
  await github.stop()
})

describe('the app as a real server process against a GitHub stand-in', () => {
  it('starts with `npm start` without rebuilding dist/', () => {
    expect(built.map((f) => statSync(f).mtimeMs)).toEqual(builtAt)
  })

  it("posts exactly one review whose suggestions equal what `bluepencil fix` writes for those lines", async () => {
    const pull = addPull(1)
    const before = github.apiCalls
    const response = await deliver(app, 'pull_request', payload(pull))
    expect(response.status).toBe(200)
    // Answered once queued; the run follows.
    const run = await nextRun()
    const reviews = github.reviews.filter((r) => r.pull === 1)
    expect(reviews).toHaveLength(1)
    const review = reviews[0]!
    expect(review.event).toBe('COMMENT')
    expect(review.commit_id).toBe(pull.headSha)
    expect(github.schemaErrors).toEqual([])
    expect(github.unknownRoutes).toEqual([])

    const { linter } = createLinter({ assets, config: parseRepoConfigText(beamConfigText, 'beam-bluepencil.yml').config })
    const result = linter.lint(PATH, post)
    const fixes = result.kind === 'linted' ? result.findings.flatMap((f) => (f.fix ? [f.fix] : [])) : []
    const withSuggestion = review.comments.filter((c) => suggestionContent(c.body) !== undefined)
    expect(withSuggestion.length).toBeGreaterThanOrEqual(7)
    for (const c of withSuggestion) {
      const startLine = c.start_line ?? c.line
      const applied = applySuggestion(post, { startLine, line: c.line, body: c.body }).split('\n')
      const fix = fixes.find((f) => f.startLine === startLine && f.endLine === c.line)
      expect(fix, `a fix for lines ${startLine}-${c.line}`).toBeDefined()
      expect(applied.slice(startLine - 1, startLine - 1 + fix!.text.split('\n').length).join('\n')).toBe(fix!.text)
    }
    // The editor's edits, as suggestions: nothing on front matter, HTML or URLs.
    expect(review.comments.map((c) => c.line)).toEqual(expect.arrayContaining([36, 71, 90, 108, 126, 127]))
    expect(review.comments.every((c) => c.line > 20)).toBe(true)

    const calls = github.apiCalls - before
    console.log(`API calls for one run: ${calls} (${github.requests.slice(before).map((r) => `${r.method} ${r.path.split('?')[0]}`).join(', ')})`)
    expect(github.requests.slice(before).filter((r) => r.method === 'POST' && r.path.endsWith('/reviews'))).toHaveLength(1)
    expect(run).toMatchObject({ repo: `${OWNER}/${REPO}`, pr: 1, outcome: 'reviewed', apiCalls: calls })
    const check = github.checkRuns.find((r) => r.head_sha === pull.headSha)
    expect(check).toMatchObject({ name: 'Bluepencil', conclusion: 'neutral', external_id: `1@${pull.headSha}` })
    // The review and the check run carry the same run key.
    expect(check?.output?.summary).toContain(`<!-- bluepencil:run=1@${pull.headSha} -->`)
    expect(github.reviews[0]?.body).toContain(`<!-- bluepencil:run=1@${pull.headSha} -->`)
  })

  it('adds nothing when the same webhook is delivered again, and the check run keeps one annotation per finding', async () => {
    const pull = github.pulls.get(1)!
    const annotations = github.latestCheckRun(pull.headSha)!.annotations.length
    expect(annotations).toBeGreaterThanOrEqual(10)
    await deliver(app, 'pull_request', payload(pull))
    expect(await nextRun()).toMatchObject({ pr: 1, outcome: 'nothing-new' })
    // GitHub appends the annotations of every update: the run GitHub shows must still hold each once.
    expect(github.latestCheckRun(pull.headSha)!.annotations).toHaveLength(annotations)
    await deliver(app, 'pull_request', payload(pull, 'synchronize'))
    expect(await nextRun()).toMatchObject({ pr: 1, outcome: 'nothing-new' })
    expect(github.latestCheckRun(pull.headSha)!.annotations).toHaveLength(annotations)
    expect(github.reviews.filter((r) => r.pull === 1)).toHaveLength(1)
    expect(github.schemaErrors).toEqual([])
  })

  it('survives a 502 and a secondary rate limit, and still posts its review exactly once', async () => {
    const pull = addPull(2)
    github.faults.push({ method: 'GET', path: /\/pulls\/2\/files$/, status: 502, remaining: 1, body: { message: 'Server Error' } })
    github.faults.push({
      method: 'POST',
      path: /\/pulls\/2\/reviews$/,
      status: 403,
      remaining: 1,
      headers: { 'retry-after': '1', 'x-ratelimit-remaining': '4000' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits' },
    })
    const response = await deliver(app, 'pull_request', payload(pull))
    expect(response.status).toBe(200)
    expect(await nextRun()).toMatchObject({ pr: 2, outcome: 'reviewed' })
    expect(github.faults.every((f) => f.remaining === 0)).toBe(true)
    expect(github.reviews.filter((r) => r.pull === 2)).toHaveLength(1)
  }, 60_000)

  it("resolves the bot's thread once a push fixes its finding, but not a thread a human replied in", async () => {
    const pull = addPull(4)
    await deliver(app, 'pull_request', payload(pull))
    expect(await nextRun()).toMatchObject({ pr: 4, outcome: 'reviewed' })
    const comments = github.commentsOn(4)
    const scheduler = comments.find((c) => c.body.includes('adaptive scheduler'))!
    const legacy = comments.find((c) => c.body.includes('legacy source implementation'))!
    github.reply(4, legacy.id, 'We call it that on purpose.')
    const fixed = post.replace('adaptive Scheduler', 'adaptive scheduler').replace("Flink's Legacy Source", "Flink's legacy source")
    const pushed: FakePull = { number: 4, headSha: 'd'.repeat(40), files: [{ filename: PATH, status: 'added', patch: githubPatch('', fixed), content: fixed }] }
    github.pulls.set(4, pushed)
    await deliver(app, 'pull_request', payload(pushed, 'synchronize'))
    expect(await nextRun()).toMatchObject({ pr: 4, outcome: 'nothing-new' })
    expect(github.commentsOn(4).find((c) => c.id === scheduler.id)?.resolved).toBe(true)
    expect(github.commentsOn(4).find((c) => c.id === legacy.id)?.resolved).toBe(false)
    expect(github.reviews.filter((r) => r.pull === 4)).toHaveLength(1)
  })

  it('refuses a webhook with a bad signature and makes no API call', async () => {
    const pull = addPull(3)
    const before = github.apiCalls
    const response = await deliver(app, 'pull_request', payload(pull), { secret: 'not-the-secret' })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(github.apiCalls).toBe(before)
    expect(github.reviews.filter((r) => r.pull === 3)).toHaveLength(0)
  })
})
