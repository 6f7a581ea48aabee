import { createServer } from 'node:http'
import { createNodeMiddleware, createProbot } from 'probot'
import { DEFAULT_CONFIG } from '../config/repo-config.js'
import { BluepencilOctokit } from '../github/octokit.js'
import { lintPool } from '../lint-pool/lint-pool.js'
import { queuedBluepencil } from './queued-app.js'
import { InProcessQueue } from './in-process-queue.js'
import { createMetrics } from './metrics.js'
import { inProcessLocks, redisLocks } from './pull-request-locks.js'
import { RedisRunQueue } from './redis-queue.js'
import { FIRST_BACKOFF_MS } from './retry-policy.js'
import type { QueueEvents, RunQueue } from './run-queue.js'

const DEFAULT_WEBHOOK_PATH = '/api/github/webhooks'

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name]
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got "${value}"`)
  return n
}

/**
 * `npm start` with credentials: Probot's webhook middleware behind our own HTTP server
 * (so the payload check runs before it, and /healthz and /metrics sit beside it), runs
 * from the queue that REDIS_URL selects, and a clean stop on SIGTERM or SIGINT.
 */
export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // The lint thread starts and compiles the default rules while the server starts, not
  // when the first run (or the first after a restart) needs it: that took ~1 s per start.
  void lintPool().ruleErrors({ config: DEFAULT_CONFIG, extraRuleFiles: [] })
  const probot = createProbot({ env, overrides: { Octokit: BluepencilOctokit } })
  await probot.ready()
  const log = probot.log.child({ name: 'bluepencil' })
  const concurrency = numberFrom(env, 'BLUEPENCIL_CONCURRENCY', 8)
  const lockMs = numberFrom(env, 'BLUEPENCIL_LOCK_MS', 30_000)
  const firstBackoffMs = numberFrom(env, 'BLUEPENCIL_RETRY_MS', FIRST_BACKOFF_MS)
  let queue: RunQueue
  const metricsRef: { current?: ReturnType<typeof createMetrics> } = {}
  const events: QueueEvents = {
    retrying: (job, error, attempt, delayMs) => log.warn({ repo: `${job.owner}/${job.repo}`, pr: job.number, delivery: job.deliveryId, attempt, retryInS: Math.round(delayMs / 1000), error: (error as Error).message }, 'run failed; it will be tried again'),
    gaveUp: (job, error, attempts) => {
      metricsRef.current?.runFailures.inc({ final: 'true' })
      log.error({ repo: `${job.owner}/${job.repo}`, pr: job.number, delivery: job.deliveryId, attempts, error: (error as Error).message }, 'run given up after its last attempt: no review for this delivery')
    },
  }
  const redisUrl = env.REDIS_URL
  let locks
  if (redisUrl) {
    const redisQueue = new RedisRunQueue({ url: redisUrl, concurrency, lockMs, events, firstBackoffMs })
    locks = redisLocks(redisQueue.connection, lockMs, (key) => log.warn({ key }, 'lost the lock on a pull request while reviewing it'))
    queue = redisQueue
  } else {
    queue = new InProcessQueue({ concurrency, events, firstBackoffMs })
    locks = inProcessLocks()
  }
  const metrics = createMetrics(() => queue.depth())
  metricsRef.current = metrics
  const webhookPath = env.WEBHOOK_PATH || DEFAULT_WEBHOOK_PATH
  const middleware = await createNodeMiddleware(queuedBluepencil({ queue, locks, metrics, webhookPath, webhookSecret: env.WEBHOOK_SECRET ?? '' }), { probot, webhooksPath: webhookPath })
  const server = createServer((req, res) => {
    void middleware(req, res, () => {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `Not found: ${req.method} ${req.url}` }))
    })
  })
  const host = env.HOST || 'localhost'
  const port = numberFrom(env, 'PORT', 3000)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  log.info({ queue: queue.kind, durable: queue.kind === 'redis', concurrency }, queue.kind === 'redis' ? 'runs queued in Redis (durable)' : 'runs queued in process (NOT durable: set REDIS_URL to keep runs across restarts)')
  log.info(`Listening on http://${host}:${port}`)

  let stopping = false
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'stopping: finishing the runs in flight')
    server.close()
    await queue.close()
    process.exit(0)
  }
  process.once('SIGTERM', () => void stop('SIGTERM'))
  process.once('SIGINT', () => void stop('SIGINT'))
}
