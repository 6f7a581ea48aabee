import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deliver, startApp, waitForRuns, type RunningApp } from './support/app-process.js'
import { seedRepository, waitFor } from './support/seed-pulls.js'
import { githubPatch } from './support/patches.js'
import { hostilePosts } from './support/hostile-posts.js'

// The app with its in-process queue (no REDIS_URL): payload checks, health and metrics,
// and the review written once when GitHub stores it but the answer is lost.
const { github, addPull, payload, reviewsOn } = seedRepository('a')
let app: RunningApp
let runs = 0
const until = (condition: () => boolean): Promise<void> => waitFor('a condition of the test', condition, 10_000)

beforeAll(async () => {
  app = await startApp({ githubPort: await github.start(), extraEnv: { BLUEPENCIL_RETRY_MS: '200' } })
}, 120_000)

afterAll(async () => {
  await app?.stop()
  await github.stop()
})

describe('the app without Redis', () => {
  it('says at start that its queue is in process and not durable', () => {
    expect(app.logs.find((l) => String(l.msg).includes('NOT durable'))).toMatchObject({ queue: 'in-process', durable: false })
  })

  it.each([
    ['pull_request', (p: Record<string, any>) => delete p.pull_request, 'pull_request.number'],
    ['head', (p: Record<string, any>) => delete p.pull_request.head, 'pull_request.head.sha'],
    ['repository', (p: Record<string, any>) => delete p.repository, 'repository.owner.login'],
  ])('answers 400 with one log line to a signed payload without %s, and calls no API', async (_, mangle, field) => {
    const body = payload(addPull(90)) as Record<string, any>
    mangle(body)
    const before = github.apiCalls
    const delivery = `bad-${field}`
    const response = await deliver(app, 'pull_request', body, { delivery })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: string }).error).toContain(field)
    await until(() => app.logs.some((l) => l.delivery === delivery))
    const lines = app.logs.filter((l) => JSON.stringify(l).includes(delivery))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ level: 40, delivery })
    expect(String(lines[0]?.msg)).toMatch(new RegExp(`^webhook refused \\(400\\): pull_request payload is missing .*${field.replaceAll('.', '\\.')}`))
    expect(github.apiCalls).toBe(before)
  })

  it('refuses a badly signed payload as Probot does, before reading what it holds', async () => {
    const response = await deliver(app, 'pull_request', { action: 'opened' }, { secret: 'wrong' })
    expect(response.status).toBe(400)
    const error = ((await response.json()) as { error: string }).error
    expect(error).toMatch(/signature does not match/)
    expect(error).not.toMatch(/missing/)
  })

  it('answers /healthz with the queue kind, and /metrics in Prometheus text format', async () => {
    const health = await fetch(`http://127.0.0.1:${app.port}/healthz`)
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ status: 'ok', queue: 'in-process', durable: false })
    const pull = addPull(11)
    await deliver(app, 'pull_request', payload(pull))
    expect(await waitForRuns(app, ++runs)).toMatchObject({ pr: 11, outcome: 'reviewed' })
    const metrics = await fetch(`http://127.0.0.1:${app.port}/metrics`)
    expect(metrics.headers.get('content-type')).toContain('text/plain')
    const text = await metrics.text()
    expect(text).toMatch(/^bluepencil_runs_total\{outcome="reviewed"\} [1-9]/m)
    expect(text).toMatch(/^bluepencil_webhooks_total\{result="invalid"\} 3$/m)
    expect(text).toMatch(/^bluepencil_queue_depth 0$/m)
    expect(text).toMatch(/^bluepencil_run_duration_seconds_count [1-9]/m)
    expect(text).toMatch(/^bluepencil_github_requests_total\{method="POST",status="200"\} [1-9]/m)
  })

  it.each([
    ['a 502', { status: 502 }],
    ['a connection reset', { reset: true }],
  ])('posts one review when GitHub stores it but the answer is %s', async (_, fault) => {
    const number = 'status' in fault ? 21 : 22
    const pull = addPull(number)
    github.faults.push({ method: 'POST', path: new RegExp(`/pulls/${number}/reviews$`), remaining: 1, afterWrite: true, ...fault })
    await deliver(app, 'pull_request', payload(pull))
    expect(await waitForRuns(app, ++runs)).toMatchObject({ pr: number, outcome: 'reviewed' })
    expect(github.faults.every((f) => f.remaining === 0)).toBe(true)
    expect(reviewsOn(number)).toHaveLength(1)
    expect(reviewsOn(number)[0]?.body).toContain(`<!-- bluepencil:run=${number}@${pull.headSha} -->`)
    expect(github.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/pulls/${number}/reviews`))).toHaveLength(1)
  })

  it('does not lose a review whose POST meets a secondary rate limit four times: the run is put back until retry-after', async () => {
    const pull = addPull(32)
    github.faults.push({ method: 'POST', path: /\/pulls\/32\/reviews$/, status: 403, remaining: 4, headers: { 'retry-after': '1' }, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' } })
    await deliver(app, 'pull_request', payload(pull))
    expect(await waitForRuns(app, ++runs)).toMatchObject({ pr: 32, msg: 'bluepencil run failed' })
    expect(await waitForRuns(app, ++runs)).toMatchObject({ pr: 32, outcome: 'reviewed' })
    expect(app.logs.some((l) => l.msg === 'GitHub rate limit: run put back until the limit resets' && l.pr === 32)).toBe(true)
    expect(github.faults.every((f) => f.remaining === 0)).toBe(true)
    expect(reviewsOn(32)).toHaveLength(1)
  }, 60_000)

  it('posts the review before the check run, and a run whose check-run write fails after the review is retried without a second review', async () => {
    // A run that nothing disturbs, for what the check run should say.
    const clean = addPull(35)
    await deliver(app, 'pull_request', payload(clean))
    expect(await waitForRuns(app, ++runs)).toMatchObject({ pr: 35, outcome: 'reviewed' })
    const pull = addPull(36)
    // More 500s than Probot's retry plugin takes (3 retries): the run fails, the queue runs it again.
    github.faults.push({ method: 'POST', path: /\/check-runs$/, status: 500, remaining: 4 })
    await deliver(app, 'pull_request', payload(pull))
    expect(await waitForRuns(app, ++runs)).toMatchObject({ pr: 36, msg: 'bluepencil run failed' })
    expect(await waitForRuns(app, ++runs)).toMatchObject({ pr: 36, outcome: 'nothing-new' })
    expect(github.faults.every((f) => f.remaining === 0)).toBe(true)
    expect(reviewsOn(36)).toHaveLength(1)
    // In the order GitHub saw them: the review first, so no completed check ever stands without it.
    const writes = github.requests.filter((r) => r.method !== 'GET' && (r.path.endsWith('/pulls/36/reviews') || (r.body as { head_sha?: string } | undefined)?.head_sha === pull.headSha))
    expect(writes.map((w) => (w.path.endsWith('/reviews') ? 'review' : 'check run'))).toEqual(['review', 'check run', 'check run', 'check run', 'check run', 'check run'])
    // The retried run reports every finding, those its first attempt posted included.
    const shown = (sha: string) => {
      const run = github.latestCheckRun(sha)
      return { conclusion: run?.conclusion, title: run?.output?.title, annotations: run?.annotations }
    }
    expect(github.checkRuns.filter((r) => r.head_sha === pull.headSha)).toHaveLength(1)
    expect(shown(pull.headSha)).toEqual(shown(clean.headSha))
    expect(github.latestCheckRun(pull.headSha)?.output?.summary).toContain(`<!-- bluepencil:run=36@${pull.headSha} -->`)
  }, 60_000)

  it('retries a run that fails, with backoff, until it posts its review', async () => {
    const pull = addPull(31)
    // An error Probot's own retries leave alone: the run fails, the queue runs it again.
    github.faults.push({ method: 'GET', path: /\/pulls\/31\/files$/, status: 403, remaining: 1, body: { message: 'Resource not accessible by integration' } })
    await deliver(app, 'pull_request', payload(pull))
    expect(await waitForRuns(app, ++runs)).toMatchObject({ pr: 31, msg: 'bluepencil run failed' })
    expect(await waitForRuns(app, ++runs)).toMatchObject({ pr: 31, outcome: 'reviewed' })
    expect(app.logs.some((l) => l.msg === 'run failed; it will be tried again' && l.pr === 31)).toBe(true)
    expect(reviewsOn(31)).toHaveLength(1)
  }, 60_000)

  it('reviews 20 ordinary pull requests while hostile posts among them are listed as not reviewed, answering /healthz throughout', async () => {
    const pullWith = (number: number, content: string) => {
      const pull = { number, headSha: `${number}`.padStart(40, 'a'), files: [{ filename: `content/blog/post-${number}.md`, status: 'added' as const, patch: githubPatch('', content), content }] }
      github.pulls.set(number, pull)
      return pull
    }
    // A small budget, so that a post that parses but takes long is stopped within the test.
    github.config = 'lintBudgetMs: 300\n'
    try {
      const deep = hostilePosts().find((h) => h.name === '98 KB of nested lists')?.source ?? ''
      const slow = `# Long\n\n${'The job reads events from Kafka and writes them to a table, once per second.\n\n'.repeat(6000)}`
      const hostile = [pullWith(60, deep), pullWith(61, slow)]
      const normal = Array.from({ length: 20 }, (_, i) => pullWith(70 + i, `# Post ${i}\n\nWe utilize the the tools every day.\n`))
      let pings = 0
      let unanswered = 0
      let pinging = true
      const pinger = (async () => {
        while (pinging) {
          pings++
          const ok = await fetch(`http://127.0.0.1:${app.port}/healthz`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false)
          if (!ok) unanswered++
          await new Promise((r) => setTimeout(r, 50))
        }
      })()
      const answers = await Promise.all([...hostile, ...normal].map((p) => deliver(app, 'pull_request', payload(p))))
      expect(answers.map((a) => a.status)).toEqual(Array(22).fill(200))
      await waitFor('every pull request to have its check run', () => [...hostile, ...normal].every((p) => github.latestCheckRun(p.headSha) !== undefined), 60_000)
      pinging = false
      await pinger
      runs += 22
      for (const p of normal) expect(reviewsOn(p.number)).toHaveLength(1)
      const reasons = { 60: /nests lists or blockquotes \d+ levels deep/, 61: /took longer than the 300 ms budget \(lintBudgetMs\)/ }
      for (const p of hostile) {
        const reason = reasons[p.number as 60 | 61]
        // The review body and the check run both name the post and say why.
        expect(reviewsOn(p.number)).toHaveLength(1)
        expect(reviewsOn(p.number)[0]?.body).toMatch(new RegExp(`Not reviewed[\\s\\S]*post-${p.number}\\.md\`: .*${reason.source}`))
        expect(github.latestCheckRun(p.headSha)?.output?.summary).toMatch(new RegExp(`Not reviewed: content/blog/post-${p.number}\\.md \\(.*${reason.source}`))
      }
      expect(pings).toBeGreaterThan(5)
      expect(unanswered).toBe(0)
    } finally {
      github.config = undefined
    }
  }, 90_000)
})
