import { execFileSync, spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { patchOf } from '../../src/cli/git.js'
import { FakeGitHub, type FakePull } from '../support/fake-github.js'

const OWNER = 'apache'
const REPO = 'beam'
const PATH = 'website/www/site/content/en/blog/apache-beam-flink-and-kubernetes-part2.md'
const postFile = fileURLToPath(new URL('../../fixtures/posts/beam-flink-part2.md', import.meta.url))
const post = readFileSync(postFile, 'utf8')
const bin = fileURLToPath(new URL('../../bin/bluepencil.js', import.meta.url))
const github = new FakeGitHub(OWNER, REPO)
// Beam's config switches on the opt-in rules of the Google developer style guide.
const beamConfig = fileURLToPath(new URL('../../fixtures/posts/beam-bluepencil.yml', import.meta.url))
github.config = readFileSync(beamConfig, 'utf8')
let apiUrl = ''

beforeAll(async () => {
  apiUrl = `http://127.0.0.1:${await github.start()}/api/v3`
})
afterAll(() => github.stop())

/** The installed CLI as a user runs it, with GITHUB_TOKEN and a GitHub Enterprise-style API URL. */
async function cli(args: string[], env: Record<string, string | undefined> = {}, cwd = tmpdir()): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd, env: { PATH: process.env.PATH, GITHUB_TOKEN: 'ghp_user_token', GITHUB_API_URL: apiUrl, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout.on('data', (c: Buffer) => (out += c.toString()))
  child.stderr.on('data', (c: Buffer) => (err += c.toString()))
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve))
  return { code, out, err }
}

/** A local repository whose head commit adds the post, and the same pull request on the stand-in (git's own patch). */
function samePullRequestTwice(number: number): { repo: string; pull: FakePull } {
  const repo = mkdtempSync(join(tmpdir(), 'bluepencil-pr-'))
  const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { encoding: 'utf8' })
  git('init', '-q', '-b', 'main')
  mkdirSync(join(repo, '.github'))
  cpSync(beamConfig, join(repo, '.github', 'bluepencil.yml'))
  git('add', '-A')
  git('commit', '-q', '-m', 'base')
  mkdirSync(dirname(join(repo, PATH)), { recursive: true })
  cpSync(postFile, join(repo, PATH))
  git('add', '-A')
  git('commit', '-q', '-m', 'Add the post')
  const headSha = git('rev-parse', 'HEAD').trim()
  const pull: FakePull = { number, headSha, files: [{ filename: PATH, status: 'added', patch: patchOf(repo, 'HEAD~1', 'HEAD', PATH)!, content: post }] }
  github.pulls.set(number, pull)
  return { repo, pull }
}

const posts = (number: number) => github.requests.filter((r) => r.method !== 'GET' && r.path.includes(`/pulls/${number}/`))

describe('bluepencil review --pr OWNER/REPO#N, against the GitHub stand-in over HTTP', () => {
  it('prints what `review --base` prints for the same pull request, and writes nothing', async () => {
    const { repo } = samePullRequestTwice(21)
    const remote = await cli(['review', '--pr', `${OWNER}/${REPO}#21`])
    const local = await cli(['review', '--repo', repo, '--base', 'HEAD~1'])
    expect(remote.err).toBe('')
    expect(remote.out).toMatch(/^The app would post one review \(event COMMENT, commit [0-9a-f]{12}\) with 10 line comments\./)
    // The same bytes, but for the hidden run key (in the review and the check run), which holds the pull request's number (none for a local diff).
    expect(remote.out).toContain('<!-- bluepencil:run=21@')
    expect(remote.out.replaceAll('<!-- bluepencil:run=21@', '<!-- bluepencil:run=0@')).toBe(local.out)
    expect(remote.code).toBe(local.code)
    expect(posts(21)).toEqual([])
    expect(github.checkRuns).toEqual([])
  })

  it('posts that review with --post, and posts nothing more when run again (the same fingerprint markers)', async () => {
    samePullRequestTwice(22)
    const preview = await cli(['review', '--pr', `${OWNER}/${REPO}#22`])
    const posted = await cli(['review', '--pr', `${OWNER}/${REPO}#22`, '--post'])
    expect(posted.out).toMatch(/^Posted one review \(event COMMENT, commit [0-9a-f]{12}\) with 10 line comments\./)
    expect(posted.out.replace(/^Posted/, 'The app would post')).toBe(preview.out)
    const reviews = github.reviews.filter((r) => r.pull === 22)
    expect(reviews).toHaveLength(1)
    expect(reviews[0]!.comments).toHaveLength(10)
    for (const c of reviews[0]!.comments) expect(posted.out).toContain(c.body)
    expect(github.schemaErrors).toEqual([])
    expect(github.unknownRoutes).toEqual([])

    const again = await cli(['review', '--pr', `${OWNER}/${REPO}#22`, '--post'])
    expect(again.out).toMatch(/^Nothing new to say: the app posted no review\./)
    expect(github.reviews.filter((r) => r.pull === 22)).toHaveLength(1)
    // The check run is shown, never created: GitHub lets only apps and workflows make one.
    expect(github.checkRuns).toEqual([])
  })

  it('resolves the thread of a finding a push fixed, with --post', async () => {
    const { pull } = samePullRequestTwice(23)
    await cli(['review', '--pr', `${OWNER}/${REPO}#23`, '--post'])
    const scheduler = github.commentsOn(23).find((c) => c.body.includes('adaptive scheduler'))!
    const fixed = post.replace('adaptive Scheduler', 'adaptive scheduler')
    github.pulls.set(23, { ...pull, headSha: 'e'.repeat(40), files: [{ ...pull.files[0]!, content: fixed, patch: pull.files[0]!.patch!.replace('adaptive Scheduler', 'adaptive scheduler') }] })
    const push = await cli(['review', '--pr', `${OWNER}/${REPO}#23`, '--post'])
    expect(push.out).toContain('Resolved 1 review thread whose findings are gone.')
    expect(github.commentsOn(23).find((c) => c.id === scheduler.id)?.resolved).toBe(true)
  })

  it('says what is wrong with exit code 2: a bad reference, a pull request GitHub does not know, --post without a token', async () => {
    expect(await cli(['review', '--pr', 'apache/beam'])).toMatchObject({ code: 2, err: expect.stringContaining('--pr takes OWNER/REPO#NUMBER') })
    expect(await cli(['review', '--pr', `${OWNER}/${REPO}#404`])).toMatchObject({ code: 2, err: expect.stringContaining('cannot read pull request apache/beam#404: Not Found') })
    expect(await cli(['review', '--pr', `${OWNER}/${REPO}#21`, '--post'], { GITHUB_TOKEN: undefined })).toMatchObject({ code: 2, err: expect.stringContaining('--post needs GITHUB_TOKEN') })
  })
})
