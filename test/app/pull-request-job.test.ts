import { describe, expect, it } from 'vitest'
import { readQueuedJob } from '../../src/app/pull-request-job.js'
import { pullRequestPayload } from '../support/webhook-payloads.js'

const real = () => pullRequestPayload({ action: 'synchronize', owner: 'acme', repo: 'blog', number: 12, headSha: 'b'.repeat(40), installationId: 5 }) as Record<string, any>

describe('readQueuedJob', () => {
  it('reads a real pull_request payload', () => {
    expect(readQueuedJob('d-1', real())).toEqual({ job: { deliveryId: 'd-1', action: 'synchronize', installationId: 5, owner: 'acme', repo: 'blog', number: 12, headSha: 'b'.repeat(40), draft: false } })
  })

  it('names every missing or mistyped field', () => {
    const p = real()
    delete p.pull_request.head
    p.repository = 'acme/blog'
    p.installation.id = '5'
    expect(readQueuedJob('d', p)).toEqual({ problem: 'pull_request payload is missing pull_request.head.sha (string), repository.owner.login (string), repository.name (string), installation.id (number)' })
    expect(readQueuedJob('d', null)).toMatchObject({ problem: expect.stringContaining('action (string), pull_request.number (number)') })
  })
})
