import { DelayedError, Queue, Worker, type Job } from 'bullmq'
import { Redis } from 'ioredis'
import type { QueuedJob } from './pull-request-job.js'
import { backoffMs, FIRST_BACKOFF_MS, RetryLater, RUN_ATTEMPTS } from './retry-policy.js'
import type { QueueEvents, RunProcessor, RunQueue } from './run-queue.js'

const QUEUE_NAME = 'bluepencil-runs'
const DAY_S = 86_400
/** /healthz answers within this, whether Redis does or not. */
const PING_TIMEOUT_MS = 2000
const ADD_TIMEOUT_MS = 5000

/**
 * The durable queue: BullMQ on Redis. A webhook is answered once its job is stored; a
 * run in flight when its process dies holds a lock that lapses after `lockMs`, and the
 * next worker to check (this process after a restart, or another replica) runs it
 * again. The delivery id is the job id, so a redelivery of a recorded delivery is one job.
 */
export class RedisRunQueue implements RunQueue {
  readonly kind = 'redis' as const
  readonly connection: Redis
  private readonly queue: Queue
  private worker: Worker | undefined

  constructor(private readonly options: { url: string; concurrency: number; lockMs: number; events: QueueEvents; attempts?: number; firstBackoffMs?: number }) {
    // BullMQ's workers block on Redis: ioredis must retry a command for as long as it takes.
    this.connection = new Redis(options.url, { maxRetriesPerRequest: null })
    this.queue = new Queue(QUEUE_NAME, {
      connection: this.connection,
      defaultJobOptions: {
        attempts: options.attempts ?? RUN_ATTEMPTS,
        backoff: { type: 'exponential', delay: options.firstBackoffMs ?? FIRST_BACKOFF_MS },
        // Kept for a week so that a redelivery of a finished delivery is still recognised.
        removeOnComplete: { age: 7 * DAY_S, count: 50_000 },
        removeOnFail: { age: 30 * DAY_S },
      },
    })
  }

  async add(job: QueuedJob): Promise<void> {
    // As with the ping: a job that Redis cannot take now is answered with a 503 in seconds,
    // not a webhook left hanging until GitHub gives up. If ioredis sends it once Redis is
    // back, the delivery's job id keeps a redelivery from making a second run.
    if (this.connection.status !== 'ready') throw unavailable(`Redis cannot be reached (connection ${this.connection.status}); the delivery was not recorded`)
    await withinMs(this.queue.add('review', job, { jobId: jobId(job.deliveryId) }), ADD_TIMEOUT_MS, `Redis did not record the delivery within ${ADD_TIMEOUT_MS} ms`)
  }

  async depth(): Promise<number> {
    const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children')
    return Object.values(counts).reduce((a, b) => a + b, 0)
  }

  async ping(): Promise<void> {
    // Commands wait for Redis as long as it takes (maxRetriesPerRequest: null), so a ping
    // sent while Redis is away would leave /healthz unanswered: the connection's state is
    // read first, and a ping that gets no answer is given up.
    if (this.connection.status !== 'ready') throw new Error(`Redis cannot be reached (connection ${this.connection.status})`)
    await withinMs(this.connection.ping(), PING_TIMEOUT_MS, `Redis did not answer a ping within ${PING_TIMEOUT_MS} ms`)
  }

  start(processor: RunProcessor): void {
    const { events, lockMs } = this.options
    this.worker = new Worker<QueuedJob>(
      QUEUE_NAME,
      async (job: Job<QueuedJob>, token?: string) => {
        try {
          await processor(job.data)
        } catch (error) {
          if (!(error instanceof RetryLater)) throw error
          // Back to the delayed set without counting an attempt.
          await job.moveToDelayed(Date.now() + error.delayMs, token)
          throw new DelayedError()
        }
      },
      {
        connection: this.connection,
        concurrency: this.options.concurrency,
        lockDuration: lockMs,
        stalledInterval: lockMs,
        // A run that stalls (its process died) is tried again; runs are idempotent, so
        // there is no reason to give up on one that stalled a few times.
        maxStalledCount: 20,
      },
    )
    this.worker.on('failed', (job, error) => {
      if (!job || error instanceof DelayedError || error.name === 'DelayedError') return
      const attempts = job.opts.attempts ?? 1
      if (job.attemptsMade >= attempts) events.gaveUp(job.data, error, job.attemptsMade)
      else events.retrying(job.data, error, job.attemptsMade, backoffMs(job.attemptsMade, this.options.firstBackoffMs))
    })
    // Connection trouble is reported by ping() through /healthz; BullMQ reconnects by itself.
    this.worker.on('error', () => undefined)
  }

  /**
   * Finishes the runs in flight, then lets go of Redis; while Redis is away that cannot
   * finish (a run's end is recorded there), so the stop does not wait: those runs are
   * taken up again once their lock lapses.
   */
  async close(): Promise<void> {
    const closing = (async () => {
      await this.worker?.close()
      await this.queue.close()
    })()
    closing.catch(() => undefined)
    await Promise.race([closing, away(this.connection)])
    this.connection.disconnect()
  }
}

/** BullMQ refuses custom ids that are integers or contain ':'. */
function jobId(deliveryId: string): string {
  return `delivery-${deliveryId.replaceAll(':', '_')}`
}

/** Resolves once the connection is not ready (at once if it is not now). */
function away(connection: Redis): Promise<void> {
  if (connection.status !== 'ready') return Promise.resolve()
  return new Promise((resolve) => {
    connection.once('close', () => resolve())
    connection.once('end', () => resolve())
  })
}

function unavailable(message: string): Error {
  return Object.assign(new Error(message), { status: 503 })
}

async function withinMs<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(unavailable(message)), ms)
  })
  try {
    return await Promise.race([work, late])
  } finally {
    clearTimeout(timer)
  }
}
