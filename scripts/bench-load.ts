// The app under load, as an operator would see it: the real server process on a real
// Redis, against the local GitHub stand-in. 50 pull requests from 5 installations
// delivered at once, then a push to each, then 20 redeliveries; once clean and once with
// faults (502s, secondary rate limits, reviews stored whose answer is lost, and a SIGKILL
// of the app in the middle, after which it is started again with no redelivery).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { loadavg } from 'node:os'
import { deliver, startApp, type RunningApp } from '../test/support/app-process.js'
import { benchHostile } from './bench-hostile.js'
import { FakeGitHub, type FakePull } from '../test/support/fake-github.js'
import { githubPatch } from '../test/support/patches.js'
import { startRedis } from '../test/support/redis-server.js'
import { pullRequestPayload } from '../test/support/webhook-payloads.js'

const OWNER = 'acme'
const REPO = 'blog'
const PULLS = 50
const INSTALLATIONS = 5
const REDELIVERIES = 20
const PATH = 'content/blog/post.md'
/** Everything must be done by then; a run that is not is counted as lost. */
const PHASE_LIMIT_MS = 240_000

interface Delivery {
  readonly id: string
  readonly payload: Record<string, unknown>
  readonly pull: number
  readonly headSha: string
}

export interface LoadResult {
  readonly expected: number
  readonly posted: number
  readonly duplicates: number
  readonly lost: number
  readonly answerP95Ms: number
  readonly answersRefused: number
  readonly firstReviewsMs: number
  readonly peakRssMb: number
  readonly contentPerMinuteMax: number
  readonly writesPerMinuteMax: number
  readonly totalMs: number
  /** Review POSTs (refused ones included) until the 50 first reviews were all posted. */
  readonly firstPhasePosts: number
  /** With faults: when the app was killed, and when it listened again, from the first delivery. */
  readonly killedAtMs?: number
  readonly upAgainAtMs?: number
}

const sha = (pull: number, push: number): string => `${push}`.padStart(8, '0') + `${pull}`.padStart(32, 'e')

function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
}

/**
 * The most requests in any 60 s window, slid over the stand-in's log of arrival times
 * (not an average): for each request, those that arrived less than 60 s before it.
 */
function perMinuteMax(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b)
  let most = 0
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[i] as number) - (sorted[j] as number) >= 60_000) j++
    most = Math.max(most, i - j + 1)
  }
  return most
}

async function until(what: string, condition: () => boolean, limitMs: number): Promise<boolean> {
  for (const deadline = Date.now() + limitMs; !condition(); ) {
    if (Date.now() > deadline) return false
    await new Promise((r) => setTimeout(r, 50))
  }
  return true
}

export async function benchLoad(options: { root: string; log: (line: string) => void; faults: boolean }): Promise<LoadResult> {
  const seed = readFileSync(join(options.root, 'fixtures/posts/beam-flink-part2.md'), 'utf8')
  const github = new FakeGitHub(OWNER, REPO)
  const redis = await startRedis(3)
  const githubPort = await github.start()
  const apps: RunningApp[] = []
  const start = async (): Promise<RunningApp> => {
    const app = await startApp({ githubPort, extraEnv: { REDIS_URL: redis.url, BLUEPENCIL_LOCK_MS: '3000', BLUEPENCIL_RETRY_MS: '1000' } })
    apps.push(app)
    return app
  }
  const answers: number[] = []
  let refused = 0
  const send = async (app: RunningApp, d: Delivery): Promise<void> => {
    const sent = performance.now()
    const response = await deliver(app, 'pull_request', d.payload, { delivery: d.id }).catch(() => undefined)
    answers.push(performance.now() - sent)
    if (response?.status !== 200) refused++
  }
  const post = (pull: number, push: number): string => (push === 0 ? seed : `${seed}\nWe rebuilt it in order to test push ${push} of pull request ${pull}.\n`)
  const setPull = (number: number, push: number): FakePull => {
    const content = post(number, push)
    const pull: FakePull = { number, headSha: sha(number, push), files: [{ filename: PATH, status: push === 0 ? 'added' : 'added', patch: githubPatch('', content), content }] }
    github.pulls.set(number, pull)
    return pull
  }
  const delivery = (pull: FakePull, action: string): Delivery => ({
    id: randomUUID(),
    pull: pull.number,
    headSha: pull.headSha,
    payload: pullRequestPayload({ action, owner: OWNER, repo: REPO, number: pull.number, headSha: pull.headSha, installationId: 100 + (pull.number % INSTALLATIONS) }),
  })
  const numbers = Array.from({ length: PULLS }, (_, i) => i + 1)
  if (options.faults) {
    for (const n of numbers) {
      // Deterministic faults, spread over the pull requests: a 502 on the file list (Probot
      // retries it), a secondary rate limit on the review (retry-after 2 s), a review that
      // GitHub stores but whose answer is a 502, and one whose connection is reset.
      if (n % 10 === 1) github.faults.push({ method: 'GET', path: new RegExp(`/pulls/${n}/files$`), status: 502, remaining: 1 })
      if (n % 10 === 3) github.faults.push({ method: 'POST', path: new RegExp(`/pulls/${n}/reviews$`), status: 403, remaining: 4, headers: { 'retry-after': '2' }, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' } })
      if (n % 10 === 5) github.faults.push({ method: 'POST', path: new RegExp(`/pulls/${n}/reviews$`), status: 502, remaining: 2, afterWrite: true })
      if (n % 10 === 7) github.faults.push({ method: 'POST', path: new RegExp(`/pulls/${n}/reviews$`), remaining: 1, afterWrite: true, reset: true })
    }
  }
  const reviewed = (pull: number, headSha: string) => github.reviews.filter((r) => r.pull === pull && r.commit_id === headSha).length
  const begun = performance.now()
  const at = `load ${loadavg()[0]?.toFixed(1)}`
  let firstReviewsMs: number
  let firstPhasePosts: number
  let killedAtMs: number | undefined
  let upAgainAtMs: number | undefined
  const reviewPosts = (): number => github.requests.filter((r) => r.method === 'POST' && /\/pulls\/\d+\/reviews$/.test(r.path)).length
  let peakRssMb = 0
  const sampler = setInterval(() => {
    for (const app of apps) peakRssMb = Math.max(peakRssMb, app.peakRssMb())
  }, 250)
  const expected: { pull: number; headSha: string }[] = []
  try {
    let app = await start()
    // 1. 50 pull requests opened at once.
    const opened = numbers.map((n) => delivery(setPull(n, 0), 'opened'))
    expected.push(...opened)
    const t0 = performance.now()
    await Promise.all(opened.map((d) => send(app, d)))
    if (options.faults) {
      // 2. The app is killed while it works through them, and started again; nothing is redelivered.
      await until('20 first reviews', () => github.reviews.length >= 20, PHASE_LIMIT_MS)
      for (const a of apps) peakRssMb = Math.max(peakRssMb, a.peakRssMb())
      await app.kill()
      killedAtMs = performance.now() - t0
      app = await start()
      upAgainAtMs = performance.now() - t0
    }
    await until('the first reviews', () => opened.every((d) => reviewed(d.pull, d.headSha) > 0), PHASE_LIMIT_MS)
    firstReviewsMs = performance.now() - t0
    firstPhasePosts = reviewPosts()
    // 3. A push to each, then 20 redeliveries of deliveries already answered.
    const pushed = numbers.map((n) => delivery(setPull(n, 1), 'synchronize'))
    expected.push(...pushed)
    await Promise.all(pushed.map((d) => send(app, d)))
    const again = [...opened.slice(0, REDELIVERIES / 2), ...pushed.slice(0, REDELIVERIES / 2)]
    await Promise.all(again.map((d) => send(app, d)))
    await until('every review', () => expected.every((d) => reviewed(d.pull, d.headSha) > 0), PHASE_LIMIT_MS)
    // Whatever was wrongly queued twice has time to show.
    await new Promise((r) => setTimeout(r, 3000))
  } finally {
    clearInterval(sampler)
    for (const app of apps) peakRssMb = Math.max(peakRssMb, app.peakRssMb())
    for (const app of apps) await app.stop()
    await github.stop()
    await redis.stop()
  }
  const counts = expected.map((d) => reviewed(d.pull, d.headSha))
  const content = github.requests.filter((r) => r.method === 'POST' && /\/pulls\/\d+\/reviews$/.test(r.path)).map((r) => r.at)
  const writes = github.requests.filter((r) => r.method !== 'GET' && !r.path.includes('/access_tokens')).map((r) => r.at)
  const result: LoadResult = {
    expected: expected.length,
    posted: github.reviews.length,
    duplicates: counts.reduce((n, c) => n + Math.max(0, c - 1), 0),
    lost: counts.filter((c) => c === 0).length,
    answerP95Ms: percentile(answers, 95),
    answersRefused: refused,
    firstReviewsMs,
    peakRssMb,
    contentPerMinuteMax: perMinuteMax(content),
    writesPerMinuteMax: perMinuteMax(writes),
    totalMs: performance.now() - begun,
    firstPhasePosts,
    ...(killedAtMs === undefined ? {} : { killedAtMs }),
    ...(upAgainAtMs === undefined ? {} : { upAgainAtMs }),
  }
  const s = (ms: number) => (ms / 1000).toFixed(1)
  options.log(`\n== The app under load${options.faults ? ', with faults (502s, secondary limits, stored reviews whose answer is lost, a SIGKILL and restart)' : ''}: ${PULLS} PRs from ${INSTALLATIONS} installations at once, then ${PULLS} pushes and ${REDELIVERIES} redeliveries (real server on Redis, GitHub stand-in)`)
  options.log(`reviews posted/expected: ${result.posted}/${result.expected} (target ${result.expected}/${result.expected}); duplicates ${result.duplicates} (target 0); lost ${result.lost} (target 0)`)
  options.log(`webhook answers: p95 ${result.answerP95Ms.toFixed(0)} ms over ${answers.length} deliveries (target < 1000 ms), not 200: ${result.answersRefused}`)
  options.log(`all ${PULLS} first reviews posted in ${s(result.firstReviewsMs)} s (target < 60 s); everything done in ${s(result.totalMs)} s`)
  options.log(`review POSTs until then: ${result.firstPhasePosts} (refused and lost answers included)${result.killedAtMs === undefined ? '' : `; the app was SIGKILLed at ${s(result.killedAtMs)} s and listened again at ${s(result.upAgainAtMs ?? 0)} s`}`)
  options.log(`peak RSS of the app process: ${result.peakRssMb.toFixed(0)} MB (target < 300 MB)`)
  options.log(`content-creating requests (reviews): at most ${result.contentPerMinuteMax} in any 60 s window of the stand-in's log (target <= 80); all writes: at most ${result.writesPerMinuteMax} in any 60 s window`)
  const missed = [
    result.posted === result.expected && result.duplicates === 0 && result.lost === 0 ? '' : 'reviews',
    result.answerP95Ms < 1000 ? '' : 'webhook p95',
    result.firstReviewsMs < 60_000 ? '' : `${PULLS} first reviews`,
    result.peakRssMb < 300 ? '' : 'peak RSS',
    result.contentPerMinuteMax <= 80 ? '' : 'content-creating per minute',
  ].filter(Boolean)
  options.log(`${missed.length === 0 ? 'every bar met' : `bars NOT met: ${missed.join(', ')}`} (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}, ${at} at the start)`)
  return result
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = join(import.meta.dirname, '..')
  // `npm run bench:load [-- clean|faults|hostile]`: one part, or all three.
  const which = process.argv[2]
  if (which === undefined || which === 'clean') await benchLoad({ root, log: console.log, faults: false })
  if (which === undefined || which === 'faults') await benchLoad({ root, log: console.log, faults: true })
  if (which === undefined || which === 'hostile') await benchHostile({ root, log: console.log })
}
