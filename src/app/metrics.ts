import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

/** The app's Prometheus metrics (text format at /metrics), one registry per process. */
export interface AppMetrics {
  readonly registry: Registry
  readonly webhooks: Counter<'result'>
  readonly runs: Counter<'outcome'>
  readonly runFailures: Counter<'final'>
  readonly runSeconds: Histogram
  readonly githubRequests: Counter<'method' | 'status'>
}

export function createMetrics(queueDepth: () => Promise<number>): AppMetrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'bluepencil_process_' })
  const webhooks = new Counter({ name: 'bluepencil_webhooks_total', help: 'Webhook deliveries by result: queued, invalid (400) or ignored.', labelNames: ['result'], registers: [registry] })
  const runs = new Counter({ name: 'bluepencil_runs_total', help: 'Finished review runs by outcome.', labelNames: ['outcome'], registers: [registry] })
  const runFailures = new Counter({ name: 'bluepencil_run_failures_total', help: 'Failed run attempts; final="true" when the run was given up after its last attempt.', labelNames: ['final'], registers: [registry] })
  const runSeconds = new Histogram({ name: 'bluepencil_run_duration_seconds', help: 'Time of one run attempt, GitHub calls included.', buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60], registers: [registry] })
  const githubRequests = new Counter({ name: 'bluepencil_github_requests_total', help: 'GitHub API requests by method and answer status (0: no answer).', labelNames: ['method', 'status'], registers: [registry] })
  new Gauge({
    name: 'bluepencil_queue_depth',
    help: 'Runs waiting, running or waiting to be retried (across replicas with Redis).',
    registers: [registry],
    async collect() {
      this.set(await queueDepth().catch(() => Number.NaN))
    },
  })
  return { registry, webhooks, runs, runFailures, runSeconds, githubRequests }
}
