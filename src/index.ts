import type { Context, Probot } from 'probot'
import { handlePullRequest } from './github/handle-pull-request.js'
import { octokitPort } from './github/octokit-port.js'

const EVENTS = ['pull_request.opened', 'pull_request.reopened', 'pull_request.synchronize', 'pull_request.ready_for_review'] as const

/** The Probot app: wires pull request events to the handler. No logic here. */
export default function bluepencil(app: Probot): void {
  app.on([...EVENTS], async (context: Context<'pull_request'>) => {
    const started = Date.now()
    let apiCalls = 0
    let githubMs = 0
    // Counted and timed around every call, so the log tells our own time from GitHub's.
    context.octokit.hook.wrap('request', async (request, options) => {
      apiCalls++
      const sent = Date.now()
      try {
        return await request(options)
      } finally {
        githubMs += Date.now() - sent
      }
    })
    const pr = context.payload.pull_request
    const repo = `${context.payload.repository.owner.login}/${context.payload.repository.name}`
    let rawConfig: unknown
    try {
      rawConfig = await context.config('bluepencil.yml')
    } catch (error) {
      rawConfig = error instanceof Error ? error : new Error(String(error))
    }
    try {
      const summary = await handlePullRequest({
        port: octokitPort(context.octokit, { owner: context.payload.repository.owner.login, repo: context.payload.repository.name, number: pr.number }),
        pr: { repo, number: pr.number, headSha: pr.head.sha, draft: pr.draft === true },
        rawConfig,
        log: context.log,
      })
      context.log.info({ repo, pr: pr.number, ...summary, apiCalls, ms: Date.now() - started, githubMs }, 'bluepencil run')
    } catch (error) {
      context.log.error({ repo, pr: pr.number, apiCalls, ms: Date.now() - started, githubMs, err: error }, 'bluepencil run failed')
      throw error
    }
  })
}
