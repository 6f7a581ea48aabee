import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deliver, startApp, type RunningApp } from './support/app-process.js'
import { freePort } from './support/free-port.js'
import { startRedis, type TestRedis } from './support/redis-server.js'
import { seedRepository, waitFor } from './support/seed-pulls.js'

// The app on a real Redis (BullMQ): killed mid-run and restarted, a redelivery while the
// first run works, and two replicas receiving the same delivery. Every case ends with
// exactly one review per (pull request, head SHA), and no webhook is delivered again.
const { github, addPull, payload, reviewsOn } = seedRepository('b')
let redis: TestRedis
let githubPort: number
const apps: RunningApp[] = []

const finishedRuns = (app: RunningApp, pr: number) => app.logs.filter((l) => l.msg === 'bluepencil run' && l.pr === pr)

async function start(): Promise<RunningApp> {
  // A short lock, so that the run of a killed process is taken up again within seconds.
  const app = await startApp({ githubPort, extraEnv: { REDIS_URL: redis.url, BLUEPENCIL_LOCK_MS: '1500', BLUEPENCIL_RETRY_MS: '200' } })
  apps.push(app)
  // The port opens before the Redis connection is ready, and until then the app rightly
  // answers 503; a load balancer waits for /healthz, and so do the tests (a delivery sent
  // in between made the two-replica test flaky under load).
  for (const deadline = Date.now() + 10_000; (await fetch(`http://127.0.0.1:${app.port}/healthz`, { signal: AbortSignal.timeout(5000) })).status !== 200; ) {
    if (Date.now() > deadline) throw new Error('/healthz did not answer 200 within 10 s of the start')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return app
}

/**
 * The invariant, one review per head SHA: one run posts it, the other finds it. Which way the
 * other finds it depends on timing (its fingerprints already posted: nothing-new; its run
 * key in a review body: already-reviewed), and either keeps the invariant.
 */
function expectOneReviewingRun(runs: readonly Record<string, unknown>[]): void {
  const outcomes = runs.map((l) => l.outcome)
  expect(outcomes.filter((o) => o === 'reviewed')).toHaveLength(1)
  expect(outcomes.filter((o) => o !== 'reviewed').every((o) => o === 'nothing-new' || o === 'already-reviewed')).toBe(true)
}

beforeAll(async () => {
  redis = await startRedis(1)
  githubPort = await github.start()
}, 180_000)

afterAll(async () => {
  for (const app of apps) await app.stop()
  await github.stop()
  await redis?.stop()
})

describe('the app on Redis', () => {
  it('survives a SIGKILL mid-run: after a restart every accepted delivery gets exactly one review, with no redelivery', async () => {
    const first = await start()
    const health = await fetch(`http://127.0.0.1:${first.port}/healthz`)
    expect(await health.json()).toEqual({ status: 'ok', queue: 'redis', durable: true })
    // A is killed before it posts (GitHub slow to list its files); B after its review is
    // stored but before its check run (GitHub slow to list check runs).
    const a = addPull(41)
    const b = addPull(42)
    github.faults.push({ method: 'GET', path: /\/pulls\/41\/files$/, remaining: 1, delayMs: 20_000 })
    github.faults.push({ method: 'GET', path: new RegExp(`/commits/${b.headSha}/check-runs$`), remaining: 1, delayMs: 20_000 })
    expect((await deliver(first, 'pull_request', payload(a))).status).toBe(200)
    expect((await deliver(first, 'pull_request', payload(b))).status).toBe(200)
    // Both delayed requests have reached GitHub before the kill, so each delay is spent on the
    // killed process and the restarted one is answered at once (B's list was sometimes not yet
    // sent at the kill, and the restarted run then waited out the 20 s).
    const listingChecksOfB = (r: { path: string }) => r.path.includes(`/commits/${b.headSha}/check-runs`)
    await waitFor('A listing its files and B, its review posted, listing its check runs', () => github.requests.some((r) => r.path.includes('/pulls/41/files')) && reviewsOn(42).length === 1 && github.requests.some(listingChecksOfB))
    await first.kill()
    expect(reviewsOn(41)).toHaveLength(0)

    const restarted = await start()
    await waitFor('both runs to finish after the restart', () => finishedRuns(restarted, 41).length === 1 && finishedRuns(restarted, 42).length === 1)
    expect(reviewsOn(41)).toHaveLength(1)
    expect(reviewsOn(42)).toHaveLength(1)
    expect(['already-reviewed', 'nothing-new']).toContain(finishedRuns(restarted, 42)[0]?.outcome)
    expect(github.checkRuns.filter((r) => r.head_sha === b.headSha)).toHaveLength(1)
    expect(github.schemaErrors).toEqual([])
  }, 90_000)

  it('gives one review when the same delivery comes again, and a synchronize of the same commit arrives, while the first run works', async () => {
    const app = apps.at(-1) as RunningApp
    const pull = addPull(43)
    github.faults.push({ method: 'GET', path: /\/pulls\/43\/files$/, remaining: 1, delayMs: 1500 })
    const delivery = randomUUID()
    await deliver(app, 'pull_request', payload(pull), { delivery })
    await waitFor('the first run to be under way', () => github.requests.some((r) => r.path.includes('/pulls/43/files')))
    expect((await deliver(app, 'pull_request', payload(pull), { delivery })).status).toBe(200)
    expect((await deliver(app, 'pull_request', payload(pull, 'synchronize'))).status).toBe(200)
    await waitFor('two runs (the redelivery is the same job)', () => finishedRuns(app, 43).length === 2)
    expectOneReviewingRun(finishedRuns(app, 43))
    expect(reviewsOn(43)).toHaveLength(1)
  }, 60_000)

  it('gives one review when one delivery reaches two replicas at once, and when opened and synchronize reach one each', async () => {
    const one = apps.at(-1) as RunningApp
    const two = await start()
    const same = addPull(44)
    const delivery = randomUUID()
    const answers = await Promise.all([deliver(one, 'pull_request', payload(same), { delivery }), deliver(two, 'pull_request', payload(same), { delivery })])
    expect(answers.map((r) => r.status)).toEqual([200, 200])
    const pair = addPull(45)
    await Promise.all([deliver(one, 'pull_request', payload(pair)), deliver(two, 'pull_request', payload(pair, 'synchronize'))])
    const runs = (pr: number) => [...finishedRuns(one, pr), ...finishedRuns(two, pr)]
    await waitFor('one run of the shared delivery and two of the pair', () => runs(44).length === 1 && runs(45).length === 2)
    expect(reviewsOn(44)).toHaveLength(1)
    expect(reviewsOn(45)).toHaveLength(1)
    expectOneReviewingRun(runs(45))
    // Let any run that was wrongly queued twice finish before counting again.
    await new Promise((r) => setTimeout(r, 1000))
    expect(runs(44)).toHaveLength(1)
    expect(reviewsOn(44)).toHaveLength(1)
  }, 60_000)

  it('answers /healthz and a webhook with 503 and the reason, at once, while its Redis cannot be reached', async () => {
    const app = await startApp({ githubPort, extraEnv: { REDIS_URL: `redis://127.0.0.1:${await freePort()}` } })
    try {
      const health = await fetch(`http://127.0.0.1:${app.port}/healthz`, { signal: AbortSignal.timeout(10_000) })
      expect(health.status).toBe(503)
      expect(await health.json()).toMatchObject({ status: 'unavailable', queue: 'redis', durable: true, error: expect.stringContaining('Redis') })
      // A delivery that cannot be recorded is refused, so GitHub's log shows it as failed and it can be redelivered.
      const webhook = await deliver(app, 'pull_request', payload(addPull(61)))
      expect(webhook.status).toBe(503)
      // A stop does not wait for a Redis that is away: the runs in flight are taken up again after their lock.
      const stopping = Date.now()
      await app.stop()
      expect(Date.now() - stopping).toBeLessThan(10_000)
    } finally {
      await app.kill()
    }
  }, 60_000)

  it('stops on SIGTERM within 10 s when its Redis goes away during a run', async () => {
    const own = await startRedis(3, { own: true })
    const app = await startApp({ githubPort, extraEnv: { REDIS_URL: own.url } })
    // The run's review waits 3 s at GitHub: Redis goes away while it is in flight, and the run ends with no Redis to record it.
    github.faults.push({ method: 'POST', path: /\/pulls\/62\/reviews$/, remaining: 1, delayMs: 3000 })
    try {
      const healthIs = async (status: number): Promise<void> => {
        for (const deadline = Date.now() + 10_000; (await fetch(`http://127.0.0.1:${app.port}/healthz`, { signal: AbortSignal.timeout(5000) })).status !== status; ) {
          if (Date.now() > deadline) throw new Error(`/healthz did not answer ${status} within 10 s`)
          await new Promise((r) => setTimeout(r, 100))
        }
      }
      await healthIs(200)
      expect((await deliver(app, 'pull_request', payload(addPull(62)))).status).toBe(200)
      await waitFor('the run to reach GitHub', () => github.requests.some((r) => r.path.includes('/pulls/62/files')))
      await own.stop()
      await healthIs(503)
      const stopping = Date.now()
      const stopped = await Promise.race([app.stop().then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 10_000))])
      expect(stopped).toBe(true)
      expect(Date.now() - stopping).toBeLessThan(10_000)
    } finally {
      await app.kill()
      await own.stop()
    }
  }, 60_000)
})
