import { parentPort, workerData } from 'node:worker_threads'
import { loadLintAssets } from '../lint/lint-assets.js'
import { lintFileFromDisk, type LintSetup } from './lint-job.js'

const { setup, paths } = workerData as { setup: LintSetup; paths: readonly string[] }
// A thread shares no objects with the main thread: it reads the bundled rules and opens the dictionary itself, once.
const assets = loadLintAssets()

parentPort?.postMessage(paths.map((p) => lintFileFromDisk(setup, assets, p)))
