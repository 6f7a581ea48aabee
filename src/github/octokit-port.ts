import merge from 'deepmerge'
import type { ProbotOctokit } from 'probot'
import { planCheckRunWrite } from './check-run-write.js'
import { mayHaveBeenStored } from './post-review-once.js'
import type { ChangedFile, CheckAnnotation, CheckRunReport, GitHubPort, ConfigSource, ReviewComment } from './github-port.js'

/** What the port needs of an Octokit: Probot's has it, and @octokit/rest's with the config plugin. */
export type PortOctokit = Pick<InstanceType<typeof ProbotOctokit>, 'rest' | 'paginate' | 'graphql' | 'config'>

/** One pull request of one repository. */
export interface PullRequestTarget {
  readonly owner: string
  readonly repo: string
  readonly number: number
}

const CHECK_NAME = 'Bluepencil'
const CONFIG_PATH = '.github/bluepencil.yml'
const HOUSE_STYLE_PATH = '.github/bluepencil-house.yml'
/** Attempts at a check-run write whose answer was lost, each after reading the run back; then the run queue retries the run. */
const CHECK_RUN_ATTEMPTS = 3
const CHECK_RUN_PAUSE_MS = 1000

interface ReviewThread {
  readonly id: string
  readonly isResolved: boolean
  readonly comments: { readonly nodes: readonly { readonly databaseId: number }[] }
}
interface ReviewThreadPage {
  readonly repository: { readonly pullRequest: { readonly reviewThreads: { readonly nodes: readonly ReviewThread[]; readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null } } } }
}
const REVIEW_THREADS = `query($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) { pullRequest(number: $number) {
    reviewThreads(first: 100, after: $cursor) {
      pageInfo { hasNextPage endCursor }
      nodes { id isResolved comments(first: 1) { nodes { databaseId } } }
    } } }
}`

/** The GitHub port over an authenticated Octokit (the app's, the Action's or the CLI's). */
export function octokitPort(octokit: PortOctokit, target: PullRequestTarget): GitHubPort {
  const repo = { owner: target.owner, repo: target.repo }
  const pull_number = target.number

  async function listAnnotations(checkRunId: number): Promise<CheckAnnotation[]> {
    const listed = await octokit.paginate(octokit.rest.checks.listAnnotations, { ...repo, check_run_id: checkRunId, per_page: 100 })
    return listed.map((a) => ({ path: a.path, start_line: a.start_line, end_line: a.end_line, annotation_level: (a.annotation_level ?? 'notice') as CheckAnnotation['annotation_level'], message: a.message ?? '', title: a.title ?? '' }))
  }

  // Between 1 and 100 MB the contents API sends no content (encoding "none"); the git blobs
  // API sends it, by the file's sha. Spelling dictionaries (.dic) are that large, and posts can be.
  async function fileBytes(file: { encoding?: string; content: string; sha: string }): Promise<Buffer | undefined> {
    if (file.encoding === 'base64') return Buffer.from(file.content, 'base64')
    if (file.encoding !== 'none') return undefined
    const { data: blob } = await octokit.rest.git.getBlob({ ...repo, file_sha: file.sha })
    return blob.encoding === 'base64' ? Buffer.from(blob.content, 'base64') : undefined
  }

  async function writeCheckRun(report: CheckRunReport): Promise<void> {
    const once = { request: { retries: 0 } }
    const output = (annotations: readonly CheckAnnotation[]) => ({ title: report.title, summary: report.summary, annotations: [...annotations] })
    const done = { status: 'completed' as const, conclusion: report.conclusion, completed_at: new Date().toISOString(), ...(report.externalId === undefined ? {} : { external_id: report.externalId }) }
    const { data: latest } = await octokit.rest.checks.listForRef({ ...repo, ref: report.headSha, check_name: CHECK_NAME, filter: 'latest', per_page: 1 })
    const current = latest.check_runs[0]
    const existing = current && { id: current.id, annotations: current.output.annotations_count === 0 ? [] : await listAnnotations(current.id) }
    const write = planCheckRunWrite(report.annotations, existing)
    if (write.kind === 'update') {
      await octokit.rest.checks.update({ ...repo, check_run_id: write.id, ...done, output: { title: report.title, summary: report.summary }, ...once })
      return
    }
    const [first = [], ...rest] = write.batches
    const { data } = await octokit.rest.checks.create({ ...repo, name: CHECK_NAME, head_sha: report.headSha, ...done, output: output(first), ...once })
    for (const batch of rest) await octokit.rest.checks.update({ ...repo, check_run_id: data.id, output: output(batch), ...once })
  }

  return {
    async readConfig(): Promise<ConfigSource> {
      // What Probot's context.config does: the default branch, `_extends`, the owner's
      // `.github` repository as a fallback, files deep-merged.
      const { config, files } = await octokit.config.get({ ...repo, path: CONFIG_PATH, defaults: (configs) => merge.all<Record<string, unknown>>([{}, ...configs]) })
      // The house style beside it, read the same way (its own file, so `learn` can rewrite it whole).
      const house = await octokit.config.get({ ...repo, path: HOUSE_STYLE_PATH, defaults: (configs) => merge.all<Record<string, unknown>>([{}, ...configs]) })
      const hasHouse = house.files.some((f) => f.config !== null)
      if (!files.some((f) => f.config !== null)) return hasHouse ? { parsed: undefined, house: { parsed: house.config } } : undefined
      return { parsed: config, ...(hasHouse ? { house: { parsed: house.config } } : {}) }
    },

    async listChangedFiles(): Promise<ChangedFile[]> {
      const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number, per_page: 100 })
      return files.map((f) => ({ path: f.filename, status: f.status, ...(f.patch === undefined ? {} : { patch: f.patch }) }))
    },

    async getFile(path, ref) {
      try {
        const { data } = await octokit.rest.repos.getContent({ ...repo, path, ref })
        if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined
        return await fileBytes(data)
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

    async readRepoPath(path) {
      try {
        const { data } = await octokit.rest.repos.getContent({ ...repo, path })
        if (Array.isArray(data)) return { names: data.map((e) => (e.type === 'dir' ? `${e.name}/` : e.name)) }
        if (data.type !== 'file' || !('content' in data)) return undefined
        const bytes = await fileBytes(data)
        return bytes ? { text: bytes.toString('utf8') } : undefined
      } catch (error) {
        if ((error as { status?: number }).status === 404) return undefined
        throw error
      }
    },

    async readRepoFolders() {
      try {
        // HEAD: the default branch, as contents requests without a ref read it.
        const { data } = await octokit.rest.git.getTree({ ...repo, tree_sha: 'HEAD', recursive: 'true' })
        if (data.truncated) return undefined
        return foldersOf(data.tree.flatMap((e) => (e.path === undefined ? [] : [{ path: e.path, folder: e.type === 'tree' }])))
      } catch (error) {
        // 409: an empty repository has no tree. Anything else: list folders one by one instead.
        if ((error as { status?: number }).status === 409) return {}
        return undefined
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
      // No blind retry: after an answer that may hide a stored review, postReviewOnce reads back first.
      await octokit.rest.pulls.createReview({ ...repo, pull_number, commit_id: commitId, event: 'COMMENT', body, comments: [...comments], request: { retries: 0 } })
    },

    async reportCheckRun(report: CheckRunReport) {
      // No blind retry of a write either: an update appends its annotations, and a repeated
      // create makes a second run. After an answer that may hide a stored write, the run
      // is read back, and updated if it already holds these annotations.
      for (let attempt = 1; ; attempt++) {
        try {
          return await writeCheckRun(report)
        } catch (error) {
          if (!mayHaveBeenStored(error) || attempt >= CHECK_RUN_ATTEMPTS) throw error
          await new Promise((r) => setTimeout(r, CHECK_RUN_PAUSE_MS * attempt))
        }
      }
    },

    async resolveThreads(commentIds) {
      if (commentIds.length === 0) return 0
      const wanted = new Set(commentIds)
      const threads: ReviewThread[] = []
      // GitHub serves at most 100 threads a page: a long review has its bot threads further on.
      for (let cursor: string | null = null; ; ) {
        const page: ReviewThreadPage = await octokit.graphql<ReviewThreadPage>(REVIEW_THREADS, { owner: repo.owner, repo: repo.repo, number: pull_number, cursor })
        const { nodes, pageInfo } = page.repository.pullRequest.reviewThreads
        threads.push(...nodes.filter((t) => !t.isResolved && wanted.has(t.comments.nodes[0]?.databaseId ?? -1)))
        if (!pageInfo.hasNextPage || pageInfo.endCursor === null) break
        cursor = pageInfo.endCursor
      }
      for (const t of threads) {
        await octokit.graphql('mutation($id: ID!) { resolveReviewThread(input: { threadId: $id }) { thread { id } } }', { id: t.id })
      }
      return threads.length
    },
  }
}

/** Folder listings from a tree's paths: each folder's names, subfolders ending in `/`; the root is ``. */
export function foldersOf(entries: readonly { readonly path: string; readonly folder: boolean }[]): Record<string, string[]> {
  const out: Record<string, string[]> = { '': [] }
  for (const { path, folder } of entries) {
    const slash = path.lastIndexOf('/')
    const parent = slash < 0 ? '' : path.slice(0, slash)
    ;(out[parent] ??= []).push(`${path.slice(slash + 1)}${folder ? '/' : ''}`)
    if (folder) out[path] ??= []
  }
  return out
}
