import { statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { startThread } from '../lint-pool/start-thread.js'
import type { LintAssets } from '../lint/lint-assets.js'
import { lintFileFromDisk, type FileResult, type LintSetup } from './lint-job.js'

/** Below this many files, starting a worker thread costs more than it saves. */
const PARALLEL_FROM = 8

/**
 * Threads to lint with by default: one per core, less one core for V8's own background
 * threads (garbage collection, compilation), which parsing keeps busy. On two cores a
 * second lint thread was measured no faster than one, with 60 MB more memory.
 */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism() - 1)
}

/**
 * Lints files, results in input order. Parsing dominates, so with many files the work
 * is split by bytes between this thread and `jobs - 1` worker threads; each
 * thread compiles the rules once and takes its whole share in one message, so no
 * thread waits on another mid-run.
 */
export async function lintFiles(setup: LintSetup, assets: LintAssets, paths: readonly string[], jobs?: number): Promise<FileResult[]> {
  const threads = Math.min(jobs ?? defaultJobs(), Math.ceil(paths.length / PARALLEL_FROM))
  if (threads < 2) return paths.map((p) => lintFileFromDisk(setup, assets, p))
  const shares = splitByBytes(paths, threads)
  const results: FileResult[] = new Array(paths.length)
  const workers = shares.slice(1).map((share) => runWorker(setup, share.map((i) => paths[i] as string)))
  for (const i of shares[0] ?? []) results[i] = lintFileFromDisk(setup, assets, paths[i] as string)
  const done = await Promise.all(workers)
  done.forEach((list, w) => (shares[w + 1] ?? []).forEach((i, k) => (results[i] = list[k] as FileResult)))
  return results
}

/** Contiguous shares of about equal size in bytes; the first (this thread's) is a little larger, as workers start later. */
function splitByBytes(paths: readonly string[], threads: number): number[][] {
  const sizes = paths.map((p) => {
    try {
      return statSync(p).size
    } catch {
      return 0
    }
  })
  const total = sizes.reduce((a, b) => a + b, 0)
  const shares: number[][] = Array.from({ length: threads }, () => [])
  const firstShare = (total / threads) * 1.15
  const otherShare = (total - firstShare) / (threads - 1)
  let share = 0
  let filled = 0
  sizes.forEach((size, i) => {
    const limit = share === 0 ? firstShare : otherShare
    if (filled >= limit && share < threads - 1) {
      share++
      filled = 0
    }
    shares[share]?.push(i)
    filled += size
  })
  return shares
}

function runWorker(setup: LintSetup, paths: readonly string[]): Promise<FileResult[]> {
  const url = new URL(import.meta.url.endsWith('.ts') ? './lint-worker.ts' : './lint-worker.js', import.meta.url)
  const worker = startThread(url, {
    workerData: { setup, paths },
    // A small young generation keeps peak memory near a single thread's; parsing allocates briefly.
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  })
  // A thread that dies (out of memory, say) costs its share of posts, each named as not checked, not the run.
  const failed = (reason: string): FileResult[] => paths.map((path) => ({ kind: 'skipped', skipped: { path, reason: `the lint thread failed (${reason})` } }))
  return new Promise((resolve) => {
    worker.once('message', (results: FileResult[]) => {
      resolve(results)
      void worker.terminate()
    })
    worker.once('error', (error) => resolve(failed(error.message)))
    worker.once('exit', (code) => resolve(failed(`exit code ${code}`)))
  })
}
