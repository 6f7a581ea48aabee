import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gitBlobSha, MAX_CONTENTS_BYTES, treeEntries } from './fake-github.js'

/**
 * In front of the GitHub stand-in: a default branch holding a tree of files. Contents
 * requests without a ref for a path of the tree are answered as GitHub answers them (a
 * file, or a folder's listing; over 1 MB a file comes without its content, which
 * `git/blobs/{sha}` sends); every other request goes on to the stand-in unchanged,
 * which records and validates it as usual.
 */
export class DefaultBranchTree {
  /** Contents paths read from the tree, in order (`git/trees/HEAD` for a read of the whole tree). */
  readonly reads: string[] = []
  /** Answer whole-tree reads (as GitHub does); false: answer them as a tree too large to send (truncated). */
  wholeTree = true
  private server: Server | undefined

  constructor(
    private readonly upstream: string,
    private readonly owner: string,
    private readonly repo: string,
    private readonly tree: Readonly<Record<string, string>>,
  ) {}

  async start(): Promise<number> {
    this.server = createServer((req, res) => {
      void (async () => {
        const chunks: Buffer[] = []
        for await (const chunk of req) chunks.push(chunk as Buffer)
        const url = new URL(req.url ?? '/', 'http://localhost')
        const prefix = `/api/v3/repos/${this.owner}/${this.repo}/contents`
        if (req.method === 'GET' && url.pathname === `/api/v3/repos/${this.owner}/${this.repo}/git/trees/HEAD`) {
          this.reads.push('git/trees/HEAD')
          res.writeHead(200, { 'content-type': 'application/json' })
          return void res.end(JSON.stringify({ sha: 'd'.repeat(40), url: '', truncated: !this.wholeTree, tree: this.wholeTree ? treeEntries(Object.keys(this.tree)) : [] }))
        }
        const blob = new RegExp(`^/api/v3/repos/${this.owner}/${this.repo}/git/blobs/([0-9a-f]{40})$`).exec(url.pathname)
        const blobText = blob ? Object.values(this.tree).find((text) => gitBlobSha(text) === blob[1]) : undefined
        if (req.method === 'GET' && blob && blobText !== undefined) {
          this.reads.push(`git/blobs/${blob[1]}`)
          res.writeHead(200, { 'content-type': 'application/json' })
          const size = Buffer.byteLength(blobText)
          return void res.end(JSON.stringify({ sha: blob[1], node_id: 'B_1', url: `http://127.0.0.1${url.pathname}`, size, content: Buffer.from(blobText).toString('base64'), encoding: 'base64' }))
        }
        if (req.method === 'GET' && url.pathname.startsWith(prefix) && !url.searchParams.has('ref')) {
          const path = decodeURIComponent(url.pathname.slice(prefix.length)).replace(/^\/+|\/+$/g, '')
          const answer = this.contents(path)
          if (answer) {
            this.reads.push(path)
            res.writeHead(200, { 'content-type': 'application/json' })
            return void res.end(JSON.stringify(answer))
          }
        }
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([k, v]) => k !== 'host' && k !== 'content-length' && typeof v === 'string')) as Record<string, string>
        const forwarded = await fetch(`${this.upstream}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}) })
        res.writeHead(forwarded.status, Object.fromEntries([...forwarded.headers].filter(([k]) => k !== 'content-encoding' && k !== 'content-length' && k !== 'transfer-encoding')))
        res.end(Buffer.from(await forwarded.arrayBuffer()))
      })()
    })
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    return (this.server?.address() as AddressInfo).port
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()))
  }

  private contents(path: string): unknown {
    const entry = (name: string, type: 'file' | 'dir', full: string) => ({ type, name, path: full, sha: type === 'file' ? gitBlobSha(this.tree[full] ?? '') : 'f'.repeat(40), size: type === 'file' ? Buffer.byteLength(this.tree[full] ?? '') : 0, url: '', git_url: '', html_url: '', download_url: null, _links: { self: '', git: '', html: '' } })
    const text = this.tree[path]
    if (text !== undefined && Buffer.byteLength(text) > MAX_CONTENTS_BYTES) return { ...entry(path.split('/').pop() ?? path, 'file', path), encoding: 'none', content: '' }
    if (text !== undefined) return { ...entry(path.split('/').pop() ?? path, 'file', path), encoding: 'base64', content: Buffer.from(text).toString('base64') }
    const inside = path === '' ? '' : `${path}/`
    const names = new Map<string, 'file' | 'dir'>()
    for (const file of Object.keys(this.tree)) {
      if (!file.startsWith(inside)) continue
      const [first = '', ...more] = file.slice(inside.length).split('/')
      names.set(first, more.length > 0 ? 'dir' : 'file')
    }
    if (names.size === 0) return undefined
    return [...names].map(([name, type]) => entry(name, type, `${inside}${name}`))
  }
}
