import { jobOf, REVIEWED_ACTIONS, type PullRequestJob } from './review-pull-request.js'

/** A GitHub Actions environment that cannot run the review: the step fails with this message. */
export class ActionSetupError extends Error {}

export type ActionRun =
  | { readonly kind: 'run'; readonly token: string; readonly baseUrl: string; readonly job: PullRequestJob }
  | { readonly kind: 'skip'; readonly reason: string }

const EVENTS = new Set(['pull_request', 'pull_request_target'])

/**
 * What the Action does in this environment: the default variables of a workflow run
 * (GITHUB_TOKEN passed by action.yml). `readEvent` reads the file GITHUB_EVENT_PATH names.
 */
export function actionRunFrom(env: Readonly<Record<string, string | undefined>>, readEvent: (path: string) => string): ActionRun {
  const need = (name: string): string => {
    const value = env[name]
    if (!value) throw new ActionSetupError(`${name} is not set: ${name === 'GITHUB_TOKEN' ? 'pass `env: GITHUB_TOKEN: ${{ github.token }}` to the step' : 'run Bluepencil as a step of a GitHub Actions workflow'}`)
    return value
  }
  const token = need('GITHUB_TOKEN')
  const eventName = need('GITHUB_EVENT_NAME')
  const eventPath = need('GITHUB_EVENT_PATH')
  const repository = need('GITHUB_REPOSITORY')
  if (!EVENTS.has(eventName)) throw new ActionSetupError(`Bluepencil reviews pull requests: run it on pull_request events, not ${eventName}`)
  const [owner, repo, ...extra] = repository.split('/')
  if (!owner || !repo || extra.length > 0) throw new ActionSetupError(`GITHUB_REPOSITORY must be OWNER/REPO, not ${repository}`)
  let payload: { action?: string; pull_request?: unknown; repository?: unknown }
  try {
    payload = JSON.parse(readEvent(eventPath)) as typeof payload
  } catch (error) {
    throw new ActionSetupError(`cannot read the event at GITHUB_EVENT_PATH (${eventPath}): ${(error as Error).message}`)
  }
  if (!payload.action || !(REVIEWED_ACTIONS as readonly string[]).includes(payload.action)) return { kind: 'skip', reason: `nothing to review on pull_request.${payload.action ?? '(no action)'}` }
  if (typeof payload.pull_request !== 'object' || payload.pull_request === null) throw new ActionSetupError(`the event at ${eventPath} has no pull_request`)
  const job = jobOf(payload as Parameters<typeof jobOf>[0])
  const baseUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
  return { kind: 'run', token, baseUrl, job: { ...job, owner, repo } }
}
