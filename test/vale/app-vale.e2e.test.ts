import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BluepencilOctokit } from '../../src/github/octokit.js'
import { octokitPort } from '../../src/github/octokit-port.js'
import { handlePullRequest } from '../../src/github/handle-pull-request.js'
import { lintWithVale } from '../../src/lint/lint-vale.js'
import { loadValeProject } from '../../src/vale/vale-project.js'
import { DefaultBranchTree } from '../support/default-branch-tree.js'
import { FakeGitHub } from '../support/fake-github.js'
import { githubPatch } from '../support/patches.js'
import { assets, dictionary } from '../support/lint-assets.js'

const OWNER = 'octo'
const REPO = 'docs'
const fixture = join(import.meta.dirname, '../../fixtures/vale')
const post = readFileSync(join(fixture, 'post.md'), 'utf8')
const silent = { info: () => undefined, warn: () => undefined }

/** The fixture's .vale.ini and styles as committed under docs/ of the default branch. */
function committed(under: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (!name.endsWith('.md')) out[`${under}/${relative(fixture, full)}`] = readFileSync(full, 'utf8')
    }
  }
  walk(fixture)
  return out
}

const github = new FakeGitHub(OWNER, REPO)
let tree: DefaultBranchTree
let baseUrl = ''

beforeAll(async () => {
  const upstream = `http://127.0.0.1:${await github.start()}`
  tree = new DefaultBranchTree(upstream, OWNER, REPO, { ...committed('docs'), ...bigDictionaryStyle('wiki'), 'docs/broken/blog/.vale.ini': 'StylesPath = ../../styles\n[*.md\nBasedOnStyles = Google\n' })
  baseUrl = `http://127.0.0.1:${await tree.start()}/api/v3`
})
afterAll(async () => {
  await tree.stop()
  await github.stop()
})

/**
 * A style whose spelling rule names a Hunspell dictionary of more than 1 MB, over the
 * contents API's limit: its last word is one the post uses, so only the whole file will do.
 */
function bigDictionaryStyle(under: string): Record<string, string> {
  const words = Array.from({ length: 42_000 }, (_, i) => `zq${i.toString(36)}longerdictionaryword`)
  const dic = `${words.length + 1}\n${words.join('\n')}\nglorbix\n`
  expect(Buffer.byteLength(dic)).toBeGreaterThan(1024 * 1024)
  return {
    [`${under}/.vale.ini`]: 'StylesPath = styles\n[*.md]\nBasedOnStyles = Big\n',
    [`${under}/styles/Big/Spell.yml`]: "extends: spelling\nmessage: \"Did you really mean '%s'?\"\nlevel: error\ndictionaries:\n  - big\n",
    [`${under}/styles/config/dictionaries/big.dic`]: dic,
    [`${under}/styles/config/dictionaries/big.aff`]: 'SET UTF-8\n',
  }
}

async function review(number: number, path: string, config?: string, content = post) {
  github.config = config
  const headSha = String(number).repeat(40).slice(0, 40)
  github.pulls.set(number, { number, headSha, files: [{ filename: path, status: 'added', patch: githubPatch('', content), content }] })
  const port = octokitPort(new BluepencilOctokit({ auth: { token: 'ghs_test' }, baseUrl, retry: { enabled: false }, throttle: { enabled: false } }), { owner: OWNER, repo: REPO, number })
  return handlePullRequest({ assets, port, pr: { repo: `${OWNER}/${REPO}`, number, headSha, draft: false }, log: silent })
}

const fromDisk = lintWithVale(loadValeProject(join(fixture, '.vale.ini'), { dictionary }), join(fixture, 'post.md'), post)
const alerts = (findings: readonly { ruleId: string; span: { start: { line: number } } }[]) => findings.map((f) => `${f.span.start.line}:${f.ruleId}`).sort()

describe('the app reads .vale.ini and its styles through the GitHub API', () => {
  it('finds docs/.vale.ini from the post folder up, reads StylesPath and the vocabulary, and reviews with the same alerts as the CLI from disk', async () => {
    const summary = await review(1, 'docs/blog/post.md')
    expect(summary.outcome).toBe('reviewed')
    const reported = summary.plan?.comments.flatMap((c) => c.findings) ?? []
    expect(fromDisk.length).toBeGreaterThan(5)
    expect(new Set(alerts(reported))).toEqual(new Set(alerts(fromDisk)))
    expect(tree.reads).toEqual(expect.arrayContaining(['git/trees/HEAD', 'docs/.vale.ini', 'docs/styles/Google/Latin.yml', 'docs/styles/config/vocabularies/Blog/accept.txt']))
    // Folders come from the one tree read: only files are fetched one by one.
    expect(tree.reads.filter((r) => r === 'docs' || r === 'docs/styles/Google')).toEqual([])
    const posted = github.reviews.at(-1)
    expect(posted?.comments.some((c) => c.body.includes("Use 'URL' instead of 'url'."))).toBe(true)
    expect(github.schemaErrors).toEqual([])
  })

  it('uses `vale:` of .github/bluepencil.yml for a post outside that folder', async () => {
    const summary = await review(2, 'blog/post.md', 'vale: docs/.vale.ini\n')
    expect(new Set(alerts(summary.plan?.comments.flatMap((c) => c.findings) ?? []))).toEqual(new Set(alerts(fromDisk)))
  })

  it('a post with no Vale configuration above it gets the bundled rules', async () => {
    const summary = await review(3, 'blog/post.md')
    const ids = (summary.plan?.comments.flatMap((c) => c.findings) ?? []).map((f) => f.ruleId)
    expect(ids.length).toBeGreaterThan(0)
    expect(ids.every((id) => !id.startsWith('Google.'))).toBe(true)
  })

  it('a repository without a Vale configuration above a post costs one read of the tree, not one per folder', async () => {
    // Every repository read of the run: answered from the tree, or passed on to the stand-in (a 404 there).
    const reads = async (number: number) => {
      tree.reads.length = 0
      const before = github.requests.length
      await review(number, 'blog/2024/deep/post.md')
      const passedOn = github.requests.slice(before).filter((r) => r.method === 'GET' && r.path.includes('/contents') && !r.path.includes('ref='))
      // The app's own settings (.github/bluepencil.yml, the house style) are read either way.
      const paths = passedOn.map((r) => decodeURIComponent(r.path.replace(/^.*\/contents\/?/, ''))).filter((p) => !p.startsWith('.github/'))
      return [...tree.reads, ...paths].sort()
    }
    expect(await reads(5)).toEqual(['git/trees/HEAD'])
    // A tree too large to come whole: each folder from the post up is listed, as before.
    tree.wholeTree = false
    try {
      expect(await reads(6)).toEqual(['', 'blog', 'blog/2024', 'blog/2024/deep', 'git/trees/HEAD'])
    } finally {
      tree.wholeTree = true
    }
  })

  it('a dictionary over the contents API\'s 1 MB is read whole through the git blobs API, by the sha the contents API gives', async () => {
    tree.reads.length = 0
    const summary = await review(7, 'wiki/blog/post.md', undefined, 'The glorbix is ready. The frumblewick is not.\n')
    const findings = summary.plan?.comments.flatMap((c) => c.findings) ?? []
    expect(findings.map((f) => `${f.ruleId}:${f.message}`)).toEqual(["Big.Spell:Did you really mean 'frumblewick'?"])
    expect(tree.reads).toContain('wiki/styles/config/dictionaries/big.dic')
    expect(tree.reads.filter((r) => r.startsWith('git/blobs/'))).toHaveLength(1)
  })

  it('a .vale.ini that cannot be read is named with its line in the check run, and its post is not reviewed with the wrong rules', async () => {
    const summary = await review(4, 'docs/broken/blog/post.md')
    expect(summary.plan?.comments ?? []).toEqual([])
    const check = github.latestCheckRun('4'.repeat(40))
    expect(check?.output?.summary).toMatch(/docs\/broken\/blog\/\.vale\.ini:2/)
  })
})
