import type { QueuedJob } from './pull-request-job.js'
import { backoffMs, RetryLater, RUN_ATTEMPTS } from './retry-policy.js'
import type { QueueEvents, RunProcessor, RunQueue } from './run-queue.js'

const REMEMBERED_DELIVERIES = 10_000

interface Entry {
  readonly job: QueuedJob
  attemptsMade: number
}

/**
 * The queue when no REDIS_URL is set: runs in this process, with the same retries and
 * backoff as the Redis queue, but NOT durable: runs waiting or in flight are lost when
 * the process stops. For a single instance and development.
 */
export class InProcessQueue implements RunQueue {
  readonly kind = 'in-process' as const
  private readonly waiting: Entry[] = []
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly recorded = new Set<string>()
  private active = 0
  private processor: RunProcessor | undefined
  private closed = false

  constructor(private readonly options: { concurrency: number; events: QueueEvents; attempts?: number; firstBackoffMs?: number }) {}

  async add(job: QueuedJob): Promise<void> {
    if (this.recorded.has(job.deliveryId)) return
    this.recorded.add(job.deliveryId)
    // Forget the oldest deliveries first (a Set iterates in insertion order).
    if (this.recorded.size > REMEMBERED_DELIVERIES) this.recorded.delete(this.recorded.values().next().value as string)
    this.waiting.push({ job, attemptsMade: 0 })
    this.pump()
  }

  async depth(): Promise<number> {
    return this.waiting.length + this.active + this.timers.size
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('the in-process queue is closed')
  }

  start(processor: RunProcessor): void {
    this.processor = processor
    this.pump()
  }

  async close(): Promise<void> {
    this.closed = true
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
  }

  private pump(): void {
    while (!this.closed && this.processor && this.active < this.options.concurrency && this.waiting.length > 0) {
      void this.run(this.waiting.shift() as Entry, this.processor)
    }
  }

  private async run(entry: Entry, processor: RunProcessor): Promise<void> {
    this.active++
    try {
      await processor(entry.job)
    } catch (error) {
      if (error instanceof RetryLater) {
        this.later(entry, error.delayMs)
      } else {
        entry.attemptsMade++
        const attempts = this.options.attempts ?? RUN_ATTEMPTS
        if (entry.attemptsMade >= attempts) {
          this.options.events.gaveUp(entry.job, error, entry.attemptsMade)
        } else {
          const delay = backoffMs(entry.attemptsMade, this.options.firstBackoffMs)
          this.options.events.retrying(entry.job, error, entry.attemptsMade, delay)
          this.later(entry, delay)
        }
      }
    } finally {
      this.active--
      this.pump()
    }
  }

  private later(entry: Entry, delayMs: number): void {
    if (this.closed) return
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      this.waiting.push(entry)
      this.pump()
    }, delayMs)
    this.timers.add(timer)
  }
}
