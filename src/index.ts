import type { Context, Probot } from 'probot'
import { jobOf, REVIEWED_ACTIONS, reviewPullRequest } from './github/review-pull-request.js'
import { loadBundledRules } from './rules/load-rules.js'

const EVENTS = REVIEWED_ACTIONS.map((action) => `pull_request.${action}` as const)

/** The Probot app: wires pull request events to the handler. No logic here. */
export default function bluepencil(app: Probot): void {
  const bundled = loadBundledRules()
  app.on(EVENTS, async (context: Context<'pull_request'>) => {
    await reviewPullRequest({ octokit: context.octokit, job: jobOf(context.payload), log: context.log, bundled })
  })
}
