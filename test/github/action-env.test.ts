import { describe, expect, it } from 'vitest'
import { ActionSetupError, actionRunFrom } from '../../src/github/action-env.js'
import { pullRequestPayload } from '../support/webhook-payloads.js'

const event = (action: string) => JSON.stringify(pullRequestPayload({ action, owner: 'octo', repo: 'blog', number: 5, headSha: 'f'.repeat(40) }))
const env = { GITHUB_TOKEN: 't', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: '/e.json', GITHUB_REPOSITORY: 'octo/blog', GITHUB_API_URL: 'https://ghe.example.com/api/v3/' }

describe('actionRunFrom (the Actions environment)', () => {
  it("runs on the four reviewed actions, with the runner's API URL (GitHub Enterprise) and repository", () => {
    for (const action of ['opened', 'reopened', 'synchronize', 'ready_for_review']) {
      expect(actionRunFrom(env, () => event(action))).toEqual({ kind: 'run', token: 't', baseUrl: 'https://ghe.example.com/api/v3', job: { owner: 'octo', repo: 'blog', number: 5, headSha: 'f'.repeat(40), draft: false } })
    }
    expect(actionRunFrom({ ...env, GITHUB_API_URL: undefined, GITHUB_EVENT_NAME: 'pull_request_target' }, () => event('opened'))).toMatchObject({ kind: 'run', baseUrl: 'https://api.github.com' })
  })

  it('skips the other pull request actions', () => {
    expect(actionRunFrom(env, () => event('closed'))).toEqual({ kind: 'skip', reason: 'nothing to review on pull_request.closed' })
  })

  it('refuses, naming the variable or the problem: no token, another event, a bad repository, an unreadable event', () => {
    const refuse = (over: Record<string, string | undefined>, read: () => string = () => event('opened')) => () => actionRunFrom({ ...env, ...over }, read)
    expect(refuse({ GITHUB_TOKEN: '' })).toThrow(new ActionSetupError('GITHUB_TOKEN is not set: pass `env: GITHUB_TOKEN: ${{ github.token }}` to the step'))
    expect(refuse({ GITHUB_EVENT_PATH: undefined })).toThrow(/GITHUB_EVENT_PATH is not set/)
    expect(refuse({ GITHUB_EVENT_NAME: 'push' })).toThrow('run it on pull_request events, not push')
    expect(refuse({ GITHUB_REPOSITORY: 'octo' })).toThrow('GITHUB_REPOSITORY must be OWNER/REPO, not octo')
    expect(refuse({}, () => '{not json')).toThrow(/cannot read the event at GITHUB_EVENT_PATH \(\/e\.json\)/)
    expect(refuse({}, () => '{"action":"opened"}')).toThrow('the event at /e.json has no pull_request')
  })
})
