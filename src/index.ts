import type { Context, Probot } from 'probot'
import { jobOf, REVIEWED_ACTIONS, reviewPullRequest } from './github/review-pull-request.js'
import { openEnglishDictionary } from './spelling/dictionary.js'

const EVENTS = REVIEWED_ACTIONS.map((action) => `pull_request.${action}` as const)

/** The Probot app: wires pull request events to the handler. No logic here. */
export default function bluepencil(app: Probot): void {
  // The rules are read and compiled on the lint thread (its entry point loads them); this thread needs the dictionary only.
  const assets = { dictionary: openEnglishDictionary() }
  app.on(EVENTS, async (context: Context<'pull_request'>) => {
    await reviewPullRequest({ octokit: context.octokit, job: jobOf(context.payload), log: context.log, assets })
  })
}
