import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { CheckRunReport, GitHubPort, NewReviewComment, ReviewComment } from '../../src/github/github-port.js'
import { handlePullRequest } from '../../src/github/handle-pull-request.js'
import { applySuggestion } from '../../src/review/apply-suggestion.js'
import { githubPatch } from '../support/patches.js'
import { assets } from '../support/lint-assets.js'

const post = readFileSync(new URL('../../fixtures/posts/beam-flink-part2.md', import.meta.url), 'utf8')
const PATH = 'website/www/site/content/en/blog/apache-beam-flink-and-kubernetes-part2.md'
const pr = { repo: 'apache/beam', number: 29794, headSha: 'a'.repeat(40), draft: false }
const silent = { info: () => undefined, warn: () => undefined }
/** Beam's config: the opt-in rules of the Google developer style guide its editor follows. */
const beamRules = { 'generic-capitals': 'warning', 'list-item-fragments': 'warning', 'vague-pronoun': 'suggestion' }

/** GitHub in memory: one pull request adding the seed post; records what the app sends. */
class MemoryGitHub implements GitHubPort {
  reviews: { commitId: string; body: string; comments: readonly NewReviewComment[] }[] = []
  checks: CheckRunReport[] = []
  comments: ReviewComment[] = []
  resolved: number[] = []
  rejectNextReview = false
  /** The parsed config of the default branch; undefined when the repository has none. */
  config: unknown = undefined
  constructor(readonly files: Record<string, { before: string; after: string }> = { [PATH]: { before: '', after: post } }) {}
  async readConfig() {
    return this.config === undefined ? undefined : { parsed: this.config }
  }
  async listChangedFiles() {
    return Object.entries(this.files).map(([path, f]) => ({ path, status: f.before === '' ? 'added' : 'modified', patch: githubPatch(f.before, f.after) }))
  }
  async getFile(path: string) {
    const f = this.files[path]
    return f ? new TextEncoder().encode(f.after) : undefined
  }
  ruleFiles: { file: string; text: string }[] = []
  async listRuleFiles() {
    return this.ruleFiles
  }
  async readRepoPath() {
    return undefined
  }
  async listReviewComments() {
    return this.comments
  }
  async listReviewBodies() {
    return this.reviews.map((r) => r.body)
  }
  async createReview(review: { commitId: string; body: string; comments: readonly NewReviewComment[] }) {
    if (this.rejectNextReview) {
      this.rejectNextReview = false
      throw Object.assign(new Error('Pull request review thread line must be part of the diff'), { status: 422 })
    }
    this.reviews.push(review)
    review.comments.forEach((c, i) => this.comments.push({ id: this.comments.length + i + 1, body: c.body, author: 'bluepencil[bot]', authorIsBot: true }))
  }
  async reportCheckRun(report: CheckRunReport) {
    this.checks.push(report)
  }
  async resolveThreads(ids: readonly number[]) {
    this.resolved.push(...ids)
    return ids.length
  }
}

/** One run with this parsed config on the default branch, on top of Beam's rules. */
function run(github: MemoryGitHub, config?: unknown, pull = pr) {
  github.config = { rules: beamRules, ...(config as object | undefined) }
  return handlePullRequest({ assets, port: github, pr: pull, log: silent })
}

describe('handlePullRequest', () => {
  it("posts one COMMENT-ready review whose suggestions carry the editor's edits", async () => {
    const github = new MemoryGitHub()
    const summary = await run(github)
    expect(summary.outcome).toBe('reviewed')
    expect(github.reviews).toHaveLength(1)
    const review = github.reviews[0]!
    expect(review.commitId).toBe(pr.headSha)
    const scheduler = review.comments.find((c) => c.line === 108)
    expect(scheduler?.body).toContain('the adaptive scheduler, a component designed')
    expect(applySuggestion(post, { startLine: 108, line: 108, body: scheduler!.body }).split('\n')[107]).toContain('adaptive scheduler')
    expect(review.comments.every((c) => c.side === 'RIGHT' && (c.start_line === undefined || c.start_line < c.line))).toBe(true)
    expect(github.checks.at(-1)?.conclusion).toBe('neutral')
  })

  it('posts nothing when the webhook is delivered again', async () => {
    const github = new MemoryGitHub()
    await run(github)
    const again = await run(github)
    expect(again.outcome).toBe('nothing-new')
    expect(github.reviews).toHaveLength(1)
  })

  it('skips drafts unless the config asks for them', async () => {
    const github = new MemoryGitHub()
    expect((await run(github, undefined, { ...pr, draft: true })).outcome).toBe('skipped-draft')
    expect(github.reviews).toHaveLength(0)
    expect((await run(github, { drafts: true }, { ...pr, draft: true })).outcome).toBe('reviewed')
  })

  it('fails the check run, naming the field, when the config is invalid', async () => {
    const github = new MemoryGitHub()
    const summary = await run(github, { maxComments: 'lots' })
    expect(summary.outcome).toBe('invalid-config')
    expect(github.reviews).toHaveLength(0)
    expect(github.checks[0]).toMatchObject({ conclusion: 'failure' })
    expect(github.checks[0]?.summary).toContain('.github/bluepencil.yml: maxComments: expected number')
  })

  it('fails the check run with the reason when the config cannot be read at all', async () => {
    const github = new MemoryGitHub()
    github.readConfig = async () => {
      throw new Error('Configuration could not be parsed from .github/bluepencil.yml: bad indentation')
    }
    expect((await handlePullRequest({ assets, port: github, pr, log: silent })).outcome).toBe('invalid-config')
    expect(github.reviews).toHaveLength(0)
    expect(github.checks[0]?.summary).toContain('.github/bluepencil.yml: bad indentation')
  })

  it("runs the valid rules and fails the check, naming the file, when one of the repository's rule files is invalid", async () => {
    const github = new MemoryGitHub()
    github.ruleFiles = [{ file: '.github/bluepencil-rules/broken.yml', text: 'extends: substitution\nmessage: m\n' }]
    const summary = await run(github, { ruleDirs: ['.github/bluepencil-rules'] })
    expect(summary.outcome).toBe('reviewed')
    expect(github.checks.at(-1)?.conclusion).toBe('failure')
    expect(github.checks.at(-1)?.summary).toContain('.github/bluepencil-rules/broken.yml')
  })

  it("lists a repository rule whose examples fail in the check run, and leaves that rule off", async () => {
    const github = new MemoryGitHub()
    // It would flag "autoscaling" (five times in the post), but its first bad example does not contain it.
    const text = 'extends: existence\nmessage: Say which scheduler.\ntokens: [autoscaling]\nexamples:\n  - bad: The scheduler adapts.\n    flag: true\n  - bad: We use autoscaling.\n    flag: true\n  - good: It runs.\n  - good: We wait.\n'
    github.ruleFiles = [{ file: '.github/bluepencil-rules/scheduler.yml', text }]
    const summary = await run(github, { ruleDirs: ['.github/bluepencil-rules'] })
    expect(summary.outcome).toBe('reviewed')
    expect(github.checks.at(-1)?.conclusion).toBe('failure')
    expect(github.checks.at(-1)?.summary).toContain('.github/bluepencil-rules/scheduler.yml:5: examples.0: bad example is not flagged')
    expect(JSON.stringify(github.reviews)).not.toContain('Say which scheduler')
  })

  it('caps line comments and lists the rest in the review body, never losing one', async () => {
    const github = new MemoryGitHub()
    await run(github, { maxComments: 2 })
    const review = github.reviews[0]!
    expect(review.comments).toHaveLength(2)
    expect(review.body).toMatch(/more findings \(past this review's comment limit\)/)
    expect(review.body).toContain('adaptive scheduler')
  })

  it('moves every comment into the body when GitHub still answers 422', async () => {
    const github = new MemoryGitHub()
    github.rejectNextReview = true
    await run(github)
    expect(github.reviews).toHaveLength(1)
    expect(github.reviews[0]?.comments).toHaveLength(0)
    expect(github.reviews[0]?.body).toContain('adaptive scheduler')
  })

  it("comments only on lines the pull request changed, and resolves the bot's threads once fixed", async () => {
    const fixedLine = post.replace('the adaptive Scheduler', 'the adaptive scheduler')
    const github = new MemoryGitHub()
    await run(github)
    const schedulerComment = github.comments.find((c) => c.body.includes('adaptive scheduler'))!
    github.files[PATH] = { before: post, after: fixedLine }
    const push = await run(github, undefined, { ...pr, headSha: 'b'.repeat(40) })
    expect(push.outcome).toBe('nothing-new')
    expect(github.reviews).toHaveLength(1)
    expect(github.resolved).toEqual([schedulerComment.id])
  })
})
