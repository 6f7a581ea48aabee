import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Worker } from 'node:worker_threads'
import type { ConfigError } from '../config/config-error.js'
import type { RepoConfig } from '../config/repo-config.js'
import { packageRoot } from '../core/package-root.js'
import type { LintResult } from '../lint/linter.js'
import type { RuleSource } from '../rules/load-rules.js'
import { startThread } from './start-thread.js'

import type { ValeSnapshot } from '../vale/vale-files.js'

/** One repository's setup: its config and its own rule files. */
export interface RuleSetup {
  readonly config: RepoConfig
  readonly extraRuleFiles: readonly RuleSource[]
}

/** One post to lint with one repository's setup. */
export interface LintRequest extends RuleSetup {
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
  /**
   * The problems of a repository's setup (invalid rule files, failing examples, unknown
   * rule ids), found where the rules are compiled: on a lint thread, which keeps the
   * compiled rules for the posts that follow. The main thread never compiles rules.
   */
  ruleErrors(setup: RuleSetup): Promise<ConfigError[]>
  close(): Promise<void>
}

/** What a thread is asked; its answer is the `result`. */
export type PoolMessage = { readonly kind: 'lint'; readonly request: LintRequest } | { readonly kind: 'rule-errors'; readonly request: RuleSetup }
type Answer<M extends PoolMessage> = M extends { kind: 'lint' } ? LintResult : ConfigError[]

/** Time past a post's budget before its thread is given up on (the budget covers the lint, not a stuck thread). */
const GRACE_MS = 5_000
/** A hostile post must not take the whole process's memory with it. */
const THREAD_MEMORY_MB = 512
/**
 * A lint makes mostly short-lived garbage: a young generation of 8 MB (V8 takes up to
 * 48 MB by default) keeps a thread ~20 MB smaller, at no measured cost in lint time.
 */
const THREAD_YOUNG_MB = 8

interface Task {
  readonly message: PoolMessage
  readonly budgetMs: number
  readonly resolve: (result: unknown) => void
  /** The answer when the thread gives none (over time, out of memory, dead). */
  readonly failed: (reason: string) => unknown
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
    const budget = task.budgetMs
    let settled = false
    worker.ref()
    const finish = (result: unknown, reusable: boolean): void => {
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
    const notReviewed = task.failed
    const onMessage = (message: { id: number; result: unknown }): void => {
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
    worker.postMessage({ id, message: task.message })
  }

  const ask = <M extends PoolMessage>(message: M, budgetMs: number, failed: (reason: string) => Answer<M>): Promise<Answer<M>> =>
    new Promise((resolve, reject) => {
      if (closed) return reject(new Error('lint pool closed'))
      queue.push({ message, budgetMs, resolve: resolve as (result: unknown) => void, failed })
      dispatch()
    })

  return {
    lint: (request) => ask({ kind: 'lint', request }, request.budgetMs ?? request.config.lintBudgetMs, (reason) => ({ kind: 'skipped', skipped: { path: request.path, reason } })),
    ruleErrors: (setup) =>
      ask({ kind: 'rule-errors', request: setup }, setup.config.lintBudgetMs, (reason) => [{ file: setup.extraRuleFiles[0]?.file ?? '.github/bluepencil.yml', path: '', message: `the rules could not be compiled: ${reason}` }]),
    close: async () => {
      closed = true
      await Promise.all([...all].map((w) => w.terminate()))
    },
  }
}

function startWorker(): Worker {
  // Built, the app runs from dist/src and the CLI from one bundle; both find the thread's code in dist/src.
  const module = import.meta.url.endsWith('.ts') ? new URL('./pool-worker.ts', import.meta.url) : pathToFileURL(join(packageRoot(), 'dist', 'src', 'lint-pool', 'pool-worker.js'))
  const worker = startThread(module, { resourceLimits: { maxOldGenerationSizeMb: THREAD_MEMORY_MB, maxYoungGenerationSizeMb: THREAD_YOUNG_MB } })
  worker.unref()
  return worker
}

let shared: LintPool | undefined

/** The process's pool, started on first use. */
export function lintPool(): LintPool {
  shared ??= createLintPool()
  return shared
}
