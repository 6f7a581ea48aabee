import type { IncomingMessage, ServerResponse } from 'node:http'
import { verify } from '@octokit/webhooks-methods'
import type { AppMetrics } from './metrics.js'
import { REVIEWED_ACTIONS } from '../github/review-pull-request.js'
import { readQueuedJob } from './pull-request-job.js'
import type { RunQueue } from './run-queue.js'

/** A Probot server handler: true when it answered the request. */
export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>

interface WarnLog {
  warn(fields: Record<string, unknown>, message: string): void
}

const pathOf = (req: IncomingMessage): string => (req.url ?? '/').split('?')[0] ?? '/'

/** `GET /healthz`: 200 when the queue's store answers, 503 when it does not. */
export function healthHandler(queue: RunQueue): HttpHandler {
  return async (req, res) => {
    if (req.method !== 'GET' || pathOf(req) !== '/healthz') return false
    const durable = queue.kind === 'redis'
    try {
      await queue.ping()
      send(res, 200, 'application/json', JSON.stringify({ status: 'ok', queue: queue.kind, durable }))
    } catch (error) {
      send(res, 503, 'application/json', JSON.stringify({ status: 'unavailable', queue: queue.kind, durable, error: (error as Error).message }))
    }
    return true
  }
}

/** `GET /metrics`: Prometheus text format. */
export function metricsHandler(metrics: AppMetrics): HttpHandler {
  return async (req, res) => {
    if (req.method !== 'GET' || pathOf(req) !== '/metrics') return false
    send(res, 200, metrics.registry.contentType, await metrics.registry.metrics())
    return true
  }
}

/**
 * Answers 400, with one log line naming the missing fields, to a correctly signed
 * `pull_request` webhook that lacks what a run needs; Probot would otherwise fail
 * inside the handler with a TypeError and a 500. Runs before Probot's webhook
 * middleware and hands the body on to it (as `rawBody`, which it reads first).
 */
export function payloadValidator(options: { path: string; secret: string; log: WarnLog; metrics: AppMetrics }): HttpHandler {
  return async (req, res) => {
    if (req.method !== 'POST' || pathOf(req) !== options.path || req.headers['x-github-event'] !== 'pull_request') return false
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks)
    Object.assign(req, { rawBody: raw, body: {} })
    const signature = req.headers['x-hub-signature-256']
    const text = raw.toString('utf8')
    // Unsigned or wrongly signed: Probot refuses it with its own message.
    if (typeof signature !== 'string' || !(await verify(options.secret, text, signature).catch(() => false))) return false
    const delivery = String(req.headers['x-github-delivery'] ?? '')
    let payload: unknown
    try {
      payload = JSON.parse(text)
    } catch {
      return reject(res, options, { delivery, problem: 'the body is not JSON' })
    }
    const action = (payload as { action?: unknown } | null)?.action
    if (typeof action === 'string' && !(REVIEWED_ACTIONS as readonly string[]).includes(action)) return false
    const read = readQueuedJob(delivery, payload)
    return 'problem' in read ? reject(res, options, { delivery, problem: read.problem }) : false
  }
}

function reject(res: ServerResponse, options: { log: WarnLog; metrics: AppMetrics }, fields: { delivery: string; problem: string }): true {
  options.metrics.webhooks.inc({ result: 'invalid' })
  options.log.warn({ delivery: fields.delivery, event: 'pull_request' }, `webhook refused (400): ${fields.problem}`)
  send(res, 400, 'application/json', JSON.stringify({ error: fields.problem }))
  return true
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type }).end(body)
}
