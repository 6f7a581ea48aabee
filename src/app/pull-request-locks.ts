import type { Redis } from 'ioredis'
import { Mutex } from 'redis-semaphore'
import { pullRequestKey, type QueuedJob } from './pull-request-job.js'
import { jitter, type RunProcessor } from './run-queue.js'
import { RetryLater } from './retry-policy.js'

/** Takes the lock on a key if it is free; the returned function releases it. */
export interface PullRequestLocks {
  tryLock(key: string): Promise<(() => Promise<void>) | undefined>
}

/** Locks for one process. */
export function inProcessLocks(): PullRequestLocks {
  const held = new Set<string>()
  return {
    async tryLock(key) {
      if (held.has(key)) return undefined
      held.add(key)
      return async () => void held.delete(key)
    },
  }
}

/**
 * Locks shared by every replica on one Redis. The lock lapses `lockMs` after its holder
 * stops refreshing it (its process died), so a killed run never blocks its pull request.
 */
export function redisLocks(client: Redis, lockMs: number, onLost: (key: string) => void): PullRequestLocks {
  return {
    async tryLock(key) {
      const mutex = new Mutex(client, `bluepencil:pr:${key}`, { lockTimeout: lockMs, acquireAttemptsLimit: 1, refreshInterval: Math.floor(lockMs / 3), onLockLost: () => onLost(key) })
      if (!(await mutex.tryAcquire())) return undefined
      return () => mutex.release()
    },
  }
}

/** How soon a run finding its pull request locked looks again. */
const LOCKED_RETRY_MS = 500

/**
 * Serialises the runs on one pull request (an `opened` and a `synchronize` arriving
 * together, or one delivery reaching two replicas): a run that finds the lock taken is
 * put back for a moment, without using an attempt, instead of holding a worker.
 */
export function oneRunPerPullRequest(locks: PullRequestLocks, processor: RunProcessor): RunProcessor {
  return async (job: QueuedJob) => {
    const key = pullRequestKey(job)
    const release = await locks.tryLock(key)
    if (!release) throw new RetryLater(jitter(LOCKED_RETRY_MS), `${key} is being reviewed by another run`)
    try {
      await processor(job)
    } finally {
      await release()
    }
  }
}
