import type { QueuedJob } from './pull-request-job.js'

/** Runs one review; throws RetryLater to be put back without using an attempt. */
export type RunProcessor = (job: QueuedJob) => Promise<void>

/** What the queue tells the rest of the app (logs and metrics) about runs it gives up on or retries. */
export interface QueueEvents {
  retrying(job: QueuedJob, error: unknown, attempt: number, delayMs: number): void
  gaveUp(job: QueuedJob, error: unknown, attempts: number): void
}

/** The queue of review runs: Redis (BullMQ) when REDIS_URL is set, else in-process. */
export interface RunQueue {
  /** Shown by /healthz and in the start-up log. */
  readonly kind: 'redis' | 'in-process'
  /** Resolves once the job is recorded; a delivery already recorded is not queued twice. */
  add(job: QueuedJob): Promise<void>
  /** Runs waiting, running or waiting to be retried. */
  depth(): Promise<number>
  /** Throws when the queue's store cannot be reached. */
  ping(): Promise<void>
  start(processor: RunProcessor): void
  close(): Promise<void>
}

/** Spreads retries of runs that met the same obstacle, so they do not all come back at once. */
export function jitter(ms: number): number {
  return ms + Math.floor(Math.random() * ms)
}
