import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Worker } from 'node:worker_threads'
import type { RepoConfig } from '../config/repo-config.js'
import { packageRoot } from '../core/package-root.js'
import type { LintResult } from '../lint/linter.js'
import type { RuleSource } from '../rules/load-rules.js'
import { startThread } from './start-thread.js'

/** One post to lint with one repository's setup. */
import type { ValeSnapshot } from '../vale/vale-files.js'

export interface LintRequest {
  readonly config: RepoConfig
  readonly extraRuleFiles: readonly RuleSource[]
  readonly path: string
  readonly bytes: Uint8Array
  readonly budgetMs?: number
  /** The repository's Vale configuration and styles, fetched: they replace the bundled rules. */
  readonly vale?: ValeSnapshot
}

/**
 * Lints posts on worker threads, so the event loop keeps answering webhooks and health
 * checks while a post is linted. Each post is bounded inside its thread (the linter's
 * time budget and shape guards); a thread that still does not answer in time, runs out
 * of memory or dies is replaced, and its post is listed as not reviewed, with the reason.
 */
export interface LintPool {
  lint(request: LintRequest): Promise<LintResult>
  close(): Promise<void>
}

/** Time past a post's budget before its thread is given up on (the budget covers the lint, not a stuck thread). */
const GRACE_MS = 5_000
/** A hostile post must not take the whole process's memory with it. */
const THREAD_MEMORY_MB = 512

interface Task {
  readonly request: LintRequest
  readonly resolve: (result: LintResult) => void
}

export function createLintPool(options: { threads?: number } = {}): LintPool {
  const size = options.threads ?? Math.max(1, availableParallelism() - 1)
  const idle: Worker[] = []
  const queue: Task[] = []
  let started = 0
  let nextId = 0
  let closed = false
  const all = new Set<Worker>()

  const dispatch = (): void => {
    while (queue.length > 0 && !closed) {
      let worker = idle.pop()
      if (!worker && started < size) worker = spawn()
      if (!worker) return
      run(worker, queue.shift() as Task)
    }
  }

  const spawn = (): Worker => {
    started++
    const worker = startWorker()
    all.add(worker)
    worker.once('exit', () => {
      all.delete(worker)
      started--
      const at = idle.indexOf(worker)
      if (at !== -1) idle.splice(at, 1)
    })
    return worker
  }

  const run = (worker: Worker, task: Task): void => {
    const id = nextId++
    const { path } = task.request
    const budget = task.request.budgetMs ?? task.request.config.lintBudgetMs
    let settled = false
    worker.ref()
    const finish = (result: LintResult, reusable: boolean): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
      task.resolve(result)
      if (reusable) {
        worker.unref()
        idle.push(worker)
      } else void worker.terminate()
      dispatch()
    }
    const notReviewed = (reason: string): LintResult => ({ kind: 'skipped', skipped: { path, reason } })
    const onMessage = (message: { id: number; result: LintResult }): void => {
      if (message.id === id) finish(message.result, true)
    }
    const onError = (error: Error): void => {
      const memory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
      finish(notReviewed(memory ? `ran out of memory while linting (over ${THREAD_MEMORY_MB} MB)` : `the lint thread failed (${error.message})`), false)
    }
    const onExit = (code: number): void => finish(notReviewed(`the lint thread stopped (exit code ${code})`), false)
    const timer = setTimeout(() => finish(notReviewed(`took longer than the ${budget / 1000} s budget (lintBudgetMs)`), false), budget + GRACE_MS)
    worker.on('message', onMessage)
    worker.once('error', onError)
    worker.once('exit', onExit)
    worker.postMessage({ id, request: task.request })
  }

  return {
    lint: (request) =>
      new Promise((resolve) => {
        if (closed) throw new Error('lint pool closed')
        queue.push({ request, resolve })
        dispatch()
      }),
    close: async () => {
      closed = true
      await Promise.all([...all].map((w) => w.terminate()))
    },
  }
}

function startWorker(): Worker {
  // Built, the app runs from dist/src and the CLI from one bundle; both find the thread's code in dist/src.
  const module = import.meta.url.endsWith('.ts') ? new URL('./pool-worker.ts', import.meta.url) : pathToFileURL(join(packageRoot(), 'dist', 'src', 'lint-pool', 'pool-worker.js'))
  const worker = startThread(module, { resourceLimits: { maxOldGenerationSizeMb: THREAD_MEMORY_MB } })
  worker.unref()
  return worker
}

let shared: LintPool | undefined

/** The process's pool, started on first use. */
export function lintPool(): LintPool {
  shared ??= createLintPool()
  return shared
}
