import { parentPort, workerData } from 'node:worker_threads'
import { lintFileFromDisk, type LintSetup } from './lint-job.js'

const { setup, paths } = workerData as { setup: LintSetup; paths: readonly string[] }

parentPort?.postMessage(paths.map((p) => lintFileFromDisk(setup, p)))
