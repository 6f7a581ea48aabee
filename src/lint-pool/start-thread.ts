import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker, type WorkerOptions } from 'node:worker_threads'

/**
 * A worker thread running one of our modules. Built, the module is plain JavaScript. From
 * source (tsx: development, tests) the thread first registers tsx's loader, found from
 * this file rather than from the working directory (`--import tsx` in execArgv resolves
 * `tsx` from wherever the process was started, and fails outside the project).
 */
export function startThread(module: URL, options: WorkerOptions): Worker {
  if (!module.pathname.endsWith('.ts')) return new Worker(module, options)
  const tsxApi = tsxEsmApi()
  const code = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}) })`
  return new Worker(code, { ...options, eval: true })
}

/** tsx's ESM API (its `import` export: the CommonJS twin cannot register the ESM loader in a thread). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json')
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }
  return pathToFileURL(join(dirname(manifest), exports['./esm/api']?.import.default ?? '')).href
}
