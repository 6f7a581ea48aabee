import { describe, expect, it } from 'vitest'
import { InProcessQueue } from '../../src/app/in-process-queue.js'
import { inProcessLocks, oneRunPerPullRequest } from '../../src/app/pull-request-locks.js'
import type { QueuedJob } from '../../src/app/pull-request-job.js'
import { RetryLater } from '../../src/app/retry-policy.js'

const job = (deliveryId: string, number = 1): QueuedJob => ({ deliveryId, action: 'opened', installationId: 1, owner: 'acme', repo: 'blog', number, headSha: 'a'.repeat(40), draft: false })

function recorder() {
  const events: string[] = []
  return {
    events,
    queueEvents: {
      retrying: (j: QueuedJob, _e: unknown, attempt: number) => void events.push(`retry ${j.deliveryId} ${attempt}`),
      gaveUp: (j: QueuedJob, _e: unknown, attempts: number) => void events.push(`gave up ${j.deliveryId} after ${attempts}`),
    },
  }
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; !condition(); i++) {
    if (i > 500) throw new Error('condition not met')
    await new Promise((r) => setTimeout(r, 5))
  }
}

describe('InProcessQueue', () => {
  it('runs a delivery once, however often it is added', async () => {
    const { queueEvents } = recorder()
    const queue = new InProcessQueue({ concurrency: 2, events: queueEvents })
    const ran: string[] = []
    queue.start(async (j) => void ran.push(j.deliveryId))
    await queue.add(job('a'))
    await queue.add(job('a'))
    await queue.add(job('b'))
    await until(() => ran.length === 2)
    expect(ran.sort()).toEqual(['a', 'b'])
    expect(await queue.depth()).toBe(0)
  })

  it('retries a failing run with backoff, then reports it given up after its last attempt', async () => {
    const { events, queueEvents } = recorder()
    const queue = new InProcessQueue({ concurrency: 1, events: queueEvents, attempts: 3, firstBackoffMs: 1 })
    queue.start(async () => {
      throw new Error('GitHub is down')
    })
    await queue.add(job('x'))
    await until(() => events.length === 3)
    expect(events).toEqual(['retry x 1', 'retry x 2', 'gave up x after 3'])
  })

  it('puts a RetryLater run back without using an attempt', async () => {
    const { events, queueEvents } = recorder()
    const queue = new InProcessQueue({ concurrency: 1, events: queueEvents, attempts: 1 })
    let tries = 0
    queue.start(async () => {
      if (++tries < 4) throw new RetryLater(1, 'rate limited')
    })
    await queue.add(job('y'))
    await until(() => tries === 4)
    expect(events).toEqual([])
  })

  it('runs one run at a time per pull request, the others wait their turn', async () => {
    const { queueEvents } = recorder()
    const queue = new InProcessQueue({ concurrency: 4, events: queueEvents })
    let running = 0
    let most = 0
    const done: string[] = []
    queue.start(oneRunPerPullRequest(inProcessLocks(), async (j) => {
      running++
      most = Math.max(most, running)
      await new Promise((r) => setTimeout(r, 20))
      running--
      done.push(j.deliveryId)
    }))
    for (const id of ['opened', 'synchronize', 'redelivered']) await queue.add(job(id, 5))
    await until(() => done.length === 3)
    expect(most).toBe(1)
  })
})
