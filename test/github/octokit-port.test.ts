import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BluepencilOctokit } from '../../src/github/octokit.js'
import { octokitPort } from '../../src/github/octokit-port.js'
import { FakeGitHub } from '../support/fake-github.js'

const github = new FakeGitHub('octo', 'blog')
let baseUrl = ''

beforeAll(async () => {
  baseUrl = `http://127.0.0.1:${await github.start()}/api/v3`
})
afterAll(() => github.stop())

const portFor = (number: number, retry = false) => octokitPort(new BluepencilOctokit({ auth: { token: 'ghs_test' }, baseUrl, retry: { enabled: retry }, throttle: { enabled: false } }), { owner: 'octo', repo: 'blog', number })

describe('the Octokit port against the GitHub stand-in over HTTP', () => {
  it('resolves a thread past the first 100 of a long review (GraphQL pages of 100)', async () => {
    github.pulls.set(7, { number: 7, headSha: '7'.repeat(40), files: [] })
    const ids = Array.from({ length: 230 }, (_, i) => github.addBotComment(7, { path: 'blog/post.md', line: i + 1, body: `finding ${i}` }))
    const wanted = [ids[3]!, ids[150]!, ids[229]!]
    expect(await portFor(7).resolveThreads(wanted)).toBe(3)
    expect(github.commentsOn(7).filter((c) => c.resolved).map((c) => c.id)).toEqual(wanted)
    const pages = github.requests.filter((r) => r.path === '/api/graphql' && String((r.body as { query: string }).query).includes('reviewThreads'))
    expect(pages).toHaveLength(3)
  })
})

describe('reading a post at the head commit', () => {
  it('reads a post over 1 MB through the git blobs API, as the contents API sends it without content', async () => {
    const headSha = 'a'.repeat(40)
    const large = `# A long post\n\n${'Every line of this post is kept intact. '.repeat(30_000)}\n`
    github.pulls.set(10, { number: 10, headSha, files: [{ filename: 'blog/long.md', status: 'added', content: large }, { filename: 'blog/short.md', status: 'added', content: '# Short\n' }] })
    const port = portFor(10)
    expect(Buffer.from((await port.getFile('blog/long.md', headSha)) ?? []).toString('utf8')).toBe(large)
    expect(Buffer.from((await port.getFile('blog/short.md', headSha)) ?? []).toString('utf8')).toBe('# Short\n')
    expect(github.requests.filter((r) => r.path.includes('/git/blobs/'))).toHaveLength(1)
    expect(await port.getFile('blog/absent.md', headSha)).toBeUndefined()
  })
})

describe('the check run on a commit that is reviewed again', () => {
  const annotation = (i: number) => ({ path: 'blog/post.md', start_line: i, end_line: i, annotation_level: 'warning' as const, message: `finding ${i}`, title: 'rule' })
  const report = (count: number, summary = 'summary') => ({ headSha: '8'.repeat(40), conclusion: 'neutral' as const, title: `${count} findings`, summary, annotations: Array.from({ length: count }, (_, i) => annotation(i + 1)) })

  it('sends 120 annotations in batches of 50, and a re-run with the same findings neither adds any nor a second run', async () => {
    github.pulls.set(8, { number: 8, headSha: '8'.repeat(40), files: [] })
    const port = portFor(8)
    await port.reportCheckRun(report(120))
    expect(github.checkRuns.filter((r) => r.head_sha === '8'.repeat(40))).toHaveLength(1)
    expect(github.latestCheckRun('8'.repeat(40))?.annotations).toHaveLength(120)
    await port.reportCheckRun(report(120, 'summary, again'))
    expect(github.checkRuns.filter((r) => r.head_sha === '8'.repeat(40))).toHaveLength(1)
    expect(github.latestCheckRun('8'.repeat(40))).toMatchObject({ output: { summary: 'summary, again' } })
    expect(github.latestCheckRun('8'.repeat(40))?.annotations).toHaveLength(120)
    expect(github.schemaErrors).toEqual([])
  })

  it('starts a new run when the findings changed, since GitHub cannot take annotations back', async () => {
    const port = portFor(8)
    await port.reportCheckRun(report(3))
    const runs = github.checkRuns.filter((r) => r.head_sha === '8'.repeat(40))
    expect(runs).toHaveLength(2)
    expect(github.latestCheckRun('8'.repeat(40))?.annotations).toEqual(report(3).annotations)
  })

  // With the retry plugin on, as in the app: it would repeat these writes blindly.
  it('makes one run when GitHub stores the create but its answer is lost', async () => {
    const sha = '9'.repeat(40)
    github.faults.push({ method: 'POST', path: /\/check-runs$/, status: 502, remaining: 1, afterWrite: true })
    await portFor(9, true).reportCheckRun({ ...report(3), headSha: sha })
    expect(github.faults.every((f) => f.remaining === 0)).toBe(true)
    expect(github.checkRuns.filter((r) => r.head_sha === sha)).toHaveLength(1)
    expect(github.latestCheckRun(sha)?.annotations).toEqual(report(3).annotations)
  })

  it('shows exactly the findings when a batch of annotations is stored but its answer is lost', async () => {
    const sha = '6'.repeat(40)
    github.faults.push({ method: 'PATCH', path: /\/check-runs\/\d+$/, reset: true, remaining: 1, afterWrite: true })
    await portFor(6, true).reportCheckRun({ ...report(120), headSha: sha })
    expect(github.faults.every((f) => f.remaining === 0)).toBe(true)
    // The run holding a batch twice or a batch short is not the one GitHub shows.
    expect(github.latestCheckRun(sha)?.annotations).toEqual(report(120).annotations)
  })
})
