import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parsePatch } from '../../src/diff/parse-patch.js'
import { OpenApiValidator } from './openapi-validator.js'

export interface FakeFile {
  readonly filename: string
  readonly status: 'added' | 'modified' | 'renamed' | 'removed'
  readonly patch?: string
  /** The file at the head commit. */
  readonly content: string
}

export interface FakePull {
  readonly number: number
  readonly headSha: string
  readonly files: FakeFile[]
  readonly draft?: boolean
}

export interface RecordedRequest {
  readonly method: string
  readonly path: string
  readonly body: unknown
  /** When it arrived (ms since the epoch). */
  readonly at: number
}

interface StoredComment {
  id: number
  node_id: string
  body: string
  path: string
  line: number
  start_line: number | null
  in_reply_to_id?: number
  user: { login: string; type: string }
  resolved: boolean
}

export interface Fault {
  readonly method: string
  readonly path: RegExp
  /** The error answer; absent: the request is answered normally (after `delayMs`). */
  readonly status?: number
  /** How many matching requests fail before the fault clears. */
  remaining: number
  readonly headers?: Record<string, string>
  readonly body?: unknown
  /** The write is carried out (a review stored) before the error answer: the answer is lost, not the write. */
  readonly afterWrite?: boolean
  /** The connection is closed without an answer (a reset) instead of an error status. */
  readonly reset?: boolean
  /** The answer waits this long (a slow GitHub: keeps a run in flight). */
  readonly delayMs?: number
}

const API = '/api/v3'

/**
 * A local stand-in for the GitHub REST and GraphQL API (GHE-style base URL) that serves
 * one repository's pull requests, answers as GitHub does (including 422 for a comment
 * outside the diff), validates every request body against GitHub's OpenAPI schema,
 * records every request, and can inject faults.
 */
export class FakeGitHub {
  readonly requests: RecordedRequest[] = []
  readonly schemaErrors: string[] = []
  readonly unknownRoutes: string[] = []
  private readonly blobs = new Map<string, string>()
  readonly reviews: { id: number; pull: number; commit_id: string; body: string; event: string; comments: StoredComment[] }[] = []
  readonly checkRuns: { id: number; name: string; head_sha: string; conclusion?: string; external_id?: string; output?: { title?: string; summary?: string; annotations?: unknown[] }; annotations: unknown[] }[] = []
  readonly faults: Fault[] = []
  readonly pulls = new Map<number, FakePull>()
  config: string | undefined
  /** Other files of the default branch (a repository's rule files), by path. */
  readonly defaultBranchFiles = new Map<string, string>()
  private readonly comments = new Map<number, StoredComment[]>()
  private readonly validator = new OpenApiValidator()
  private server: Server | undefined
  private nextId = 1000

  constructor(readonly owner: string, readonly repo: string) {}

  get apiCalls(): number {
    return this.requests.length
  }

  /** The check run GitHub shows for a commit: the newest one with that name. */
  latestCheckRun(headSha: string, name = 'Bluepencil'): FakeGitHub['checkRuns'][number] | undefined {
    return this.checkRuns.filter((r) => r.head_sha === headSha && r.name === name).at(-1)
  }

  commentsOn(pull: number): StoredComment[] {
    return this.comments.get(pull) ?? []
  }

  async start(): Promise<number> {
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    return (this.server?.address() as AddressInfo).port
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    const body = text ? (JSON.parse(text) as unknown) : undefined
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`)
    const method = req.method ?? 'GET'
    this.requests.push({ method, path: url.pathname + url.search, body, at: Date.now() })
    const fault = this.faults.find((f) => f.remaining > 0 && f.method === method && f.path.test(url.pathname))
    if (fault) {
      fault.remaining--
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs))
      if (fault.afterWrite) this.answer(method, url, body)
      if (fault.reset) return void req.socket.destroy()
      if (fault.status !== undefined) return send(res, fault.status, fault.body ?? { message: 'Server Error' }, fault.headers)
    }
    const [status, payload, headers] = this.answer(method, url, body)
    // GitHub answers the raw media type with the file's bytes (Probot's config plugin asks for it).
    const file = payload as { type?: unknown; content?: unknown }
    if (status === 200 && /\.raw\b/.test(String(req.headers.accept)) && file.type === 'file' && typeof file.content === 'string') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
      return void res.end(Buffer.from(file.content, 'base64'))
    }
    send(res, status, payload, headers)
  }

  private answer(method: string, url: URL, body: unknown): [number, unknown, Record<string, string>?] {
    try {
      return this.route(method, url, body)
    } catch (error) {
      return [500, { message: (error as Error).message }]
    }
  }

  private validate(method: string, template: string, body: unknown): void {
    this.schemaErrors.push(...this.validator.check(method, template, body))
  }

  private route(method: string, url: URL, body: unknown): [number, unknown, Record<string, string>?] {
    const path = url.pathname
    const repoPrefix = `${API}/repos/${this.owner}/${this.repo}`
    let m: RegExpExecArray | null
    if (method === 'POST' && (m = /^\/api\/v3\/app\/installations\/(\d+)\/access_tokens$/.exec(path))) {
      return [201, { token: 'ghs_fake_installation_token', expires_at: new Date(Date.now() + 3_600_000).toISOString(), permissions: {}, repository_selection: 'all' }]
    }
    if (method === 'POST' && path === '/api/graphql') return [200, this.graphql(body as { query: string; variables: Record<string, unknown> })]
    if (!path.startsWith(`${API}/repos/`)) return this.unknown(method, path)
    if (method === 'GET' && /^\/api\/v3\/repos\/[^/]+\/\.github\/contents\//.test(path)) return [404, { message: 'Not Found' }]
    if (!path.startsWith(repoPrefix)) return this.unknown(method, path)
    const rest = path.slice(repoPrefix.length)

    // The repository root is `/contents` (a folder: the stand-in holds files only, so 404).
    if (method === 'GET' && (m = /^\/contents(?:\/(.*))?$/.exec(rest))) {
      const file = decodeURIComponent(m[1] ?? '')
      const ref = url.searchParams.get('ref')
      const content = file === '.github/bluepencil.yml' && !ref ? this.config : !ref && this.defaultBranchFiles.has(file) ? this.defaultBranchFiles.get(file) : this.fileAt(file, ref)
      const listing = ref ? [] : [...this.defaultBranchFiles.keys()].filter((f) => f.startsWith(`${file}/`) && !f.slice(file.length + 1).includes('/'))
      if (content === undefined && listing.length > 0) {
        return [200, listing.map((f) => ({ type: 'file', name: f.split('/').pop(), path: f, sha: 'f'.repeat(40), size: Buffer.byteLength(this.defaultBranchFiles.get(f) ?? ''), url: '', git_url: null, html_url: null, download_url: null, _links: { self: '', git: null, html: null } }))]
      }
      if (content === undefined) return [404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content' }]
      // As GitHub does: over 1 MB the contents API sends no content, and git/blobs/{sha} sends it.
      const sha = gitBlobSha(content)
      const large = Buffer.byteLength(content) > MAX_CONTENTS_BYTES
      if (large) this.blobs.set(sha, content)
      return [200, { type: 'file', encoding: large ? 'none' : 'base64', size: Buffer.byteLength(content), name: file.split('/').pop(), path: file, sha, content: large ? '' : Buffer.from(content).toString('base64') }]
    }
    if (method === 'GET' && (m = /^\/git\/blobs\/([0-9a-f]{40})$/.exec(rest))) {
      const content = this.blobs.get(m[1] ?? '')
      if (content === undefined) return [404, { message: 'Not Found' }]
      return [200, { sha: m[1], node_id: '', url: '', size: Buffer.byteLength(content), encoding: 'base64', content: Buffer.from(content).toString('base64') }]
    }
    // The default branch's whole tree (`git/trees/HEAD?recursive=true`): its files and the folders above them.
    if (method === 'GET' && rest === '/git/trees/HEAD') {
      const files = [...this.defaultBranchFiles.keys(), ...(this.config === undefined ? [] : ['.github/bluepencil.yml'])]
      return [200, { sha: 'd'.repeat(40), url: '', truncated: false, tree: treeEntries(files) }]
    }
    if (method === 'GET' && (m = /^\/pulls\/(\d+)$/.exec(rest))) {
      const pull = this.pulls.get(Number(m[1]))
      if (!pull) return [404, { message: 'Not Found' }]
      return [200, { number: pull.number, state: 'open', draft: pull.draft ?? false, title: 'A post', user: { login: 'author', type: 'User' }, head: { sha: pull.headSha, ref: 'post' }, base: { sha: '0'.repeat(40), ref: 'main' } }]
    }
    if (method === 'GET' && (m = /^\/pulls\/(\d+)\/files$/.exec(rest))) return this.listFiles(Number(m[1]), url)
    if (method === 'GET' && (m = /^\/pulls\/(\d+)\/comments$/.exec(rest))) {
      return [200, this.commentsOn(Number(m[1])).map((c) => ({ ...c, pull_request_review_id: 1, diff_hunk: '@@', commit_id: 'x', original_commit_id: 'x', html_url: '', url: '' }))]
    }
    if (method === 'GET' && (m = /^\/pulls\/(\d+)\/reviews$/.exec(rest))) {
      return [200, this.reviews.filter((r) => r.pull === Number(m?.[1])).map((r) => ({ id: r.id, body: r.body, state: 'COMMENTED', commit_id: r.commit_id, user: { login: 'bluepencil[bot]', type: 'Bot' } }))]
    }
    if (method === 'POST' && (m = /^\/pulls\/(\d+)\/reviews$/.exec(rest))) {
      this.validate(method, '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', body)
      return this.createReview(Number(m[1]), body as ReviewBody)
    }
    if (method === 'GET' && (m = /^\/commits\/([^/]+)\/check-runs$/.exec(rest))) {
      const named = this.checkRuns.filter((r) => r.head_sha === m?.[1] && (!url.searchParams.get('check_name') || r.name === url.searchParams.get('check_name')))
      // filter=latest (GitHub's default) keeps the newest run of each name, newest first.
      const runs = url.searchParams.get('filter') === 'all' ? [...named].reverse() : [...named].reverse().filter((r, i, all) => all.findIndex((o) => o.name === r.name) === i)
      return [200, { total_count: runs.length, check_runs: runs.map((r) => ({ id: r.id, name: r.name, head_sha: r.head_sha, status: 'completed', conclusion: r.conclusion, output: { title: r.output?.title ?? null, summary: r.output?.summary ?? null, text: null, annotations_count: r.annotations.length, annotations_url: '' } })) }]
    }
    if (method === 'GET' && (m = /^\/check-runs\/(\d+)\/annotations$/.exec(rest))) {
      const run = this.checkRuns.find((r) => r.id === Number(m?.[1]))
      if (!run) return [404, { message: 'Not Found' }]
      return this.page(run.annotations.map((a) => ({ ...(a as object), blob_href: '', start_column: null, end_column: null, raw_details: null })), url)
    }
    if (method === 'POST' && rest === '/check-runs') {
      this.validate(method, '/repos/{owner}/{repo}/check-runs', body)
      const input = body as { name: string; head_sha: string; conclusion?: string; external_id?: string; output?: { summary?: string; annotations?: unknown[] } }
      const run = { id: this.nextId++, name: input.name, head_sha: input.head_sha, ...(input.conclusion ? { conclusion: input.conclusion } : {}), ...(input.external_id ? { external_id: input.external_id } : {}), ...(input.output ? { output: input.output } : {}), annotations: [...(input.output?.annotations ?? [])] }
      this.checkRuns.push(run)
      return [201, { id: run.id, name: run.name, head_sha: run.head_sha }]
    }
    if (method === 'PATCH' && (m = /^\/check-runs\/(\d+)$/.exec(rest))) {
      this.validate(method, '/repos/{owner}/{repo}/check-runs/{check_run_id}', body)
      const run = this.checkRuns.find((r) => r.id === Number(m?.[1]))
      if (!run) return [404, { message: 'Not Found' }]
      const input = body as { conclusion?: string; external_id?: string; output?: { title?: string; summary?: string; annotations?: unknown[] } }
      if (input.conclusion) run.conclusion = input.conclusion
      if (input.external_id) run.external_id = input.external_id
      if (input.output) run.output = input.output
      // As on GitHub: an update's annotations are added to those the run already has.
      run.annotations.push(...(input.output?.annotations ?? []))
      return [200, { id: run.id }]
    }
    return this.unknown(method, path)
  }

  private unknown(method: string, path: string): [number, unknown] {
    this.unknownRoutes.push(`${method} ${path}`)
    return [404, { message: 'Not Found' }]
  }

  private fileAt(file: string, ref: string | null): string | undefined {
    for (const pull of this.pulls.values()) {
      if (ref !== null && pull.headSha !== ref) continue
      const found = pull.files.find((f) => f.filename === file)
      if (found) return found.content
    }
    return undefined
  }

  private listFiles(number: number, url: URL): [number, unknown, Record<string, string>?] {
    const pull = this.pulls.get(number)
    if (!pull) return [404, { message: 'Not Found' }]
    const files = pull.files.map((f) => ({ sha: 'e'.repeat(40), filename: f.filename, status: f.status, additions: 1, deletions: 0, changes: 1, blob_url: '', raw_url: '', contents_url: '', ...(f.patch === undefined ? {} : { patch: f.patch }) }))
    return this.page(files, url)
  }

  /** One page of a list, with GitHub's Link header to the next (per_page defaults to 30). */
  private page(items: readonly unknown[], url: URL): [number, unknown, Record<string, string>?] {
    const perPage = Number(url.searchParams.get('per_page') ?? 30)
    const page = Number(url.searchParams.get('page') ?? 1)
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const headers: Record<string, string> = {}
    if (page < last) {
      const next = new URL(url.href)
      next.searchParams.set('page', String(page + 1))
      headers.link = `<http://${url.host}${next.pathname}${next.search}>; rel="next"`
    }
    return [200, items.slice((page - 1) * perPage, page * perPage), headers]
  }

  private createReview(number: number, body: ReviewBody): [number, unknown] {
    const pull = this.pulls.get(number)
    if (!pull) return [404, { message: 'Not Found' }]
    for (const c of body.comments ?? []) {
      const problem = anchorProblem(pull, c)
      if (problem) return [422, { message: 'Unprocessable Entity', errors: [problem], documentation_url: 'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request', status: '422' }]
    }
    const id = this.nextId++
    const stored = (body.comments ?? []).map((c) => ({
      id: this.nextId++,
      node_id: `PRRC_${this.nextId}`,
      body: c.body,
      path: c.path,
      line: c.line,
      start_line: c.start_line ?? null,
      user: { login: 'bluepencil[bot]', type: 'Bot' },
      resolved: false,
    }))
    this.comments.set(number, [...this.commentsOn(number), ...stored])
    this.reviews.push({ id, pull: number, commit_id: body.commit_id ?? '', body: body.body ?? '', event: body.event ?? '', comments: stored })
    return [200, { id, node_id: `PRR_${id}`, body: body.body, state: 'COMMENTED', commit_id: body.commit_id, user: { login: 'bluepencil[bot]', type: 'Bot' } }]
  }

  /** A comment of the bot, as an earlier run would have left it; returns its id. */
  addBotComment(pull: number, comment: { path: string; line: number; body: string }): number {
    const id = this.nextId++
    this.comments.set(pull, [...this.commentsOn(pull), { id, node_id: `PRRC_${id}`, ...comment, start_line: null, user: { login: 'bluepencil[bot]', type: 'Bot' }, resolved: false }])
    return id
  }

  /** A human reply in the thread of one of the bot's comments. */
  reply(pull: number, to: number, text: string): void {
    const parent = this.commentsOn(pull).find((c) => c.id === to)
    if (!parent) throw new Error(`no comment ${to}`)
    this.comments.set(pull, [...this.commentsOn(pull), { ...parent, id: this.nextId++, body: text, in_reply_to_id: to, user: { login: 'author', type: 'User' } }])
  }

  private graphql(request: { query: string; variables: Record<string, unknown> }): unknown {
    const number = Number(request.variables.number)
    if (request.query.includes('reviewThreads')) {
      // A connection as GitHub serves it: `first` up to 100, opaque cursors, pageInfo.
      const first = Number(/reviewThreads\(first:\s*(\d+)/.exec(request.query)?.[1] ?? Number.NaN)
      if (!(first >= 1 && first <= 100)) return { errors: [{ message: `Requesting ${first} records on the \`reviewThreads\` connection exceeds the \`first\` limit of 100 records.` }] }
      const threads = this.commentsOn(number)
        .filter((c) => c.in_reply_to_id === undefined)
        .map((c) => ({ id: `THREAD_${c.id}`, isResolved: c.resolved, comments: { nodes: [{ databaseId: c.id }] } }))
      const after = typeof request.variables.cursor === 'string' ? Number(Buffer.from(request.variables.cursor, 'base64').toString().replace('cursor:', '')) : 0
      const nodes = threads.slice(after, after + first)
      const end = after + nodes.length
      const pageInfo = { hasNextPage: end < threads.length, endCursor: nodes.length === 0 ? null : Buffer.from(`cursor:${end}`).toString('base64') }
      return { data: { repository: { pullRequest: { reviewThreads: { nodes, pageInfo } } } } }
    }
    if (request.query.includes('resolveReviewThread')) {
      const id = Number(String(request.variables.id).replace('THREAD_', ''))
      for (const list of this.comments.values()) for (const c of list) if (c.id === id) c.resolved = true
      return { data: { resolveReviewThread: { thread: { id: request.variables.id } } } }
    }
    return { errors: [{ message: 'unsupported query' }] }
  }
}

interface ReviewBody {
  commit_id?: string
  body?: string
  event?: string
  comments?: { path: string; body: string; line: number; side?: string; start_line?: number; start_side?: string }[]
}

/** GitHub's own reasons for refusing an anchor: off the diff, or a range across hunks. */
function anchorProblem(pull: FakePull, c: NonNullable<ReviewBody['comments']>[number]): string | undefined {
  const file = pull.files.find((f) => f.filename === c.path)
  if (!file) return 'Path is invalid'
  if (!file.patch) return 'Pull request review thread diff hunk can\'t be blank'
  const diff = parsePatch(file.patch)
  const hunkOf = (line: number) => diff.hunks.find((h) => h.addedLines.has(line) || h.contextLines.has(line))
  const hunk = hunkOf(c.line)
  if (!hunk || c.side !== 'RIGHT') return 'Pull request review thread line must be part of the diff'
  if (c.start_line !== undefined) {
    if (c.start_line >= c.line) return 'Pull request review thread start line must precede the end line'
    if (hunkOf(c.start_line) !== hunk) return 'Pull request review thread start line must be part of the same hunk as the line'
  }
  return undefined
}

function send(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end(JSON.stringify(payload))
}

/** Git tree entries (recursive) for a set of file paths: every folder above them, then the files. */
export function treeEntries(files: readonly string[]): { path: string; mode: string; type: 'tree' | 'blob'; sha: string; url: string }[] {
  const folders = new Set<string>()
  for (const file of files) for (let at = file.indexOf('/'); at > 0; at = file.indexOf('/', at + 1)) folders.add(file.slice(0, at))
  return [
    ...[...folders].sort().map((path) => ({ path, mode: '040000', type: 'tree' as const, sha: 'd'.repeat(40), url: '' })),
    ...[...new Set(files)].sort().map((path) => ({ path, mode: '100644', type: 'blob' as const, sha: 'f'.repeat(40), url: '' })),
  ]
}

/** GitHub's contents API sends a file's content up to 1 MB. */
export const MAX_CONTENTS_BYTES = 1024 * 1024

/** A file's git object id, as GitHub names its blob. */
export function gitBlobSha(text: string): string {
  const bytes = Buffer.from(text)
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
}
