import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { lintFileFromDisk, type FileResult, type LintSetup } from './lint-job.js'

/** Below this many files, starting worker threads costs more than it saves. */
const PARALLEL_FROM = 8

/**
 * Lints files in input order. Parsing dominates, so many files are spread over
 * worker threads, one per core; each worker compiles the rules once.
 */
export async function lintFiles(setup: LintSetup, paths: readonly string[]): Promise<FileResult[]> {
  const cores = availableParallelism()
  if (paths.length < PARALLEL_FROM || cores < 2) return paths.map((p) => lintFileFromDisk(setup, p))
  const workers = Array.from({ length: Math.min(cores, Math.ceil(paths.length / 4)) }, () => startWorker(setup))
  const results: FileResult[] = new Array(paths.length)
  let next = 0
  try {
    await Promise.all(
      workers.map(async (worker) => {
        while (next < paths.length) {
          const id = next++
          results[id] = await ask(worker, id, paths[id] as string)
        }
      }),
    )
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
  }
  return results
}

function startWorker(setup: LintSetup): Worker {
  const fromSource = import.meta.url.endsWith('.ts')
  const url = new URL(fromSource ? './lint-worker.ts' : './lint-worker.js', import.meta.url)
  // Under tsx (development, tests) the worker needs the same TypeScript loader.
  return new Worker(url, { workerData: setup, ...(fromSource ? { execArgv: ['--import', 'tsx'] } : {}) })
}

function ask(worker: Worker, id: number, path: string): Promise<FileResult> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { id: number; result: FileResult }): void => {
      if (message.id !== id) return
      worker.off('message', onMessage)
      worker.off('error', reject)
      resolve(message.result)
    }
    worker.on('message', onMessage)
    worker.once('error', reject)
    worker.postMessage({ id, path })
  })
}
