import { parentPort, workerData } from 'node:worker_threads'
import { lintFileFromDisk, type LintSetup } from './lint-job.js'

const setup = workerData as LintSetup

parentPort?.on('message', (message: { id: number; path: string }) => {
  parentPort?.postMessage({ id: message.id, result: lintFileFromDisk(setup, message.path) })
})
