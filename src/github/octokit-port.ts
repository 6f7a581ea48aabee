import type { Context } from 'probot'
import type { ChangedFile, CheckRunReport, GitHubPort, ReviewComment } from './github-port.js'

type PullRequestContext = Context<'pull_request'>

const CHECK_NAME = 'Bluepencil'
const ANNOTATIONS_PER_REQUEST = 50

/** The GitHub port over Probot's authenticated octokit (retries and throttling included). */
export function octokitPort(context: PullRequestContext): GitHubPort {
  const { octokit } = context
  const repo = context.repo()
  const pull_number = context.payload.pull_request.number

  return {
    async listChangedFiles(): Promise<ChangedFile[]> {
      const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number, per_page: 100 })
      return files.map((f) => ({ path: f.filename, status: f.status, ...(f.patch === undefined ? {} : { patch: f.patch }) }))
    },

    async getFile(path, ref) {
      try {
        const { data } = await octokit.rest.repos.getContent({ ...repo, path, ref })
        // Over 1 MB GitHub sends no content (encoding "none"): report the file instead of linting nothing.
        if (Array.isArray(data) || data.type !== 'file' || !('content' in data) || data.encoding !== 'base64') return undefined
        return Buffer.from(data.content, 'base64')
      } catch (error) {
        if ((error as { status?: number }).status === 404) return undefined
        throw error
      }
    },

    async listRuleFiles(dir) {
      try {
        const { data } = await octokit.rest.repos.getContent({ ...repo, path: dir })
        if (!Array.isArray(data)) return []
        const files = data.filter((e) => e.type === 'file' && /\.ya?ml$/.test(e.name))
        const out: { file: string; text: string }[] = []
        for (const f of files) {
          const { data: file } = await octokit.rest.repos.getContent({ ...repo, path: f.path })
          if (!Array.isArray(file) && 'content' in file) out.push({ file: f.path, text: Buffer.from(file.content, 'base64').toString('utf8') })
        }
        return out
      } catch (error) {
        if ((error as { status?: number }).status === 404) return []
        throw error
      }
    },

    async listReviewComments(): Promise<ReviewComment[]> {
      const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, { ...repo, pull_number, per_page: 100 })
      return comments.map((c) => ({
        id: c.id,
        body: c.body,
        author: c.user?.login ?? '',
        authorIsBot: c.user?.type === 'Bot',
        ...(c.in_reply_to_id === undefined ? {} : { inReplyTo: c.in_reply_to_id }),
      }))
    },

    async listReviewBodies() {
      const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, { ...repo, pull_number, per_page: 100 })
      return reviews.map((r) => r.body ?? '')
    },

    async createReview({ commitId, body, comments }) {
      await octokit.rest.pulls.createReview({ ...repo, pull_number, commit_id: commitId, event: 'COMMENT', body, comments: [...comments] })
    },

    async reportCheckRun(report: CheckRunReport) {
      const batches: (typeof report.annotations)[] = []
      for (let i = 0; i < report.annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(report.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST))
      const output = (annotations: typeof report.annotations) => ({ title: report.title, summary: report.summary, annotations: [...annotations] })
      const { data: existing } = await octokit.rest.checks.listForRef({ ...repo, ref: report.headSha, check_name: CHECK_NAME, per_page: 1 })
      const current = existing.check_runs[0]
      const done = { status: 'completed' as const, conclusion: report.conclusion, completed_at: new Date().toISOString() }
      let id: number
      if (current) {
        await octokit.rest.checks.update({ ...repo, check_run_id: current.id, ...done, output: output(batches[0] ?? []) })
        id = current.id
      } else {
        const { data } = await octokit.rest.checks.create({ ...repo, name: CHECK_NAME, head_sha: report.headSha, ...done, output: output(batches[0] ?? []) })
        id = data.id
      }
      // Each update appends its annotations: GitHub takes at most 50 per request.
      for (const batch of batches.slice(1)) await octokit.rest.checks.update({ ...repo, check_run_id: id, output: output(batch) })
    },

    async resolveThreads(commentIds) {
      if (commentIds.length === 0) return 0
      const wanted = new Set(commentIds)
      const result = await octokit.graphql<{ repository: { pullRequest: { reviewThreads: { nodes: { id: string; isResolved: boolean; comments: { nodes: { databaseId: number }[] } }[] } } } }>(
        `query($owner: String!, $repo: String!, $number: Int!) {
          repository(owner: $owner, name: $repo) { pullRequest(number: $number) {
            reviewThreads(first: 100) { nodes { id isResolved comments(first: 1) { nodes { databaseId } } } } } }
        }`,
        { owner: repo.owner, repo: repo.repo, number: pull_number },
      )
      const threads = result.repository.pullRequest.reviewThreads.nodes.filter((t) => !t.isResolved && wanted.has(t.comments.nodes[0]?.databaseId ?? -1))
      for (const t of threads) {
        await octokit.graphql('mutation($id: ID!) { resolveReviewThread(input: { threadId: $id }) { thread { id } } }', { id: t.id })
      }
      return threads.length
    },
  }
}
