import { readFileSync } from 'node:fs'
import { ActionSetupError, actionRunFrom } from './github/action-env.js'
import { BluepencilOctokit } from './github/octokit.js'
import { reviewPullRequest, type RunLogger } from './github/review-pull-request.js'
import { openEnglishDictionary } from './spelling/dictionary.js'

// The GitHub Action: the app's handler, over the app's Octokit (bounded secondary-rate-limit
// retries, 5xx retries), with the workflow's GITHUB_TOKEN. Any error fails the step.

/** Workflow commands: GitHub shows ::warning:: and ::error:: lines as annotations of the run. */
const command = (kind: 'warning' | 'error', text: string): string => `::${kind}::${text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`

const log: RunLogger = {
  info: (fields, message) => console.log(`${message} ${JSON.stringify(fields)}`),
  warn: (fields, message) => console.log(command('warning', `${message}${fields.error ? `: ${String(fields.error)}` : ''}`)),
  error: (fields, message) => console.log(`${message} ${JSON.stringify({ ...fields, err: undefined })}`),
}

async function main(): Promise<number> {
  const run = actionRunFrom(process.env, (path) => readFileSync(path, 'utf8'))
  if (run.kind === 'skip') {
    console.log(`Bluepencil: ${run.reason}.`)
    return 0
  }
  const octokit = new BluepencilOctokit({
    auth: { token: run.token },
    baseUrl: run.baseUrl,
    log: { debug: () => undefined, info: (m: string) => console.log(m), warn: (m: string) => console.log(command('warning', m)), error: (m: string) => console.log(command('error', m)) },
  })
  // The rules are read and compiled on the lint thread (its entry point loads them); this thread needs the dictionary only.
  await reviewPullRequest({ octokit, job: run.job, log, assets: { dictionary: openEnglishDictionary() } })
  return 0
}

try {
  process.exitCode = await main()
} catch (error) {
  const status = (error as { status?: number }).status
  const message = error instanceof ActionSetupError ? error.message : `${(error as Error).message ?? String(error)}${status === undefined ? '' : ` (HTTP ${status})`}`
  console.log(command('error', `Bluepencil failed: ${message}`))
  process.exitCode = 1
}
