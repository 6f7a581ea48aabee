import { execFileSync } from 'node:child_process'
import type { ConfigSource, GitHubReads } from '../github/github-port.js'
import { UsageError } from './io.js'

const CONFIG_PATH = '.github/bluepencil.yml'
const HOUSE_STYLE_PATH = '.github/bluepencil-house.yml'

/**
 * The GitHub port's reads over a local repository, for the pull request base..head: the
 * changed files with GitHub's statuses and patches, the posts at head, and the config and
 * rule files at base, as the app reads them from the default branch. A local diff has no
 * earlier review, so there are no comments or review bodies to read.
 */
export function gitReads(repo: string, base: string, head: string): GitHubReads {
  return {
    async readConfig(): Promise<ConfigSource> {
      const text = fileAt(repo, base, CONFIG_PATH)?.toString('utf8')
      const houseText = fileAt(repo, base, HOUSE_STYLE_PATH)?.toString('utf8')
      const house = houseText === undefined ? {} : { house: { text: houseText, file: HOUSE_STYLE_PATH } }
      if (text === undefined) return houseText === undefined ? undefined : { parsed: undefined, ...house }
      return { text, file: CONFIG_PATH, ...house }
    },
    async listChangedFiles() {
      return changedFiles(repo, base, head).map(({ path, status, previousPath }) => {
        const patch = status === 'removed' ? undefined : patchOf(repo, base, head, path, previousPath)
        return { path, status, ...(patch === undefined ? {} : { patch }) }
      })
    },
    async getFile(path, ref) {
      return fileAt(repo, ref, path)
    },
    async listRuleFiles(dir) {
      return listTree(repo, base, dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .flatMap((file) => {
          const text = fileAt(repo, base, file)?.toString('utf8')
          return text === undefined ? [] : [{ file, text }]
        })
    },
    async readRepoPath(path) {
      // A folder first: `git show` of a folder prints its listing as if it were a file.
      const names = folderAt(repo, base, path)
      if (names !== undefined) return { names }
      const text = fileAt(repo, base, path.replace(/^\/+/, ''))
      return text === undefined ? undefined : { text: text.toString('utf8') }
    },
    async listReviewComments() {
      return []
    },
    async listReviewBodies() {
      return []
    },
  }
}

function git(repo: string, args: readonly string[]): Buffer {
  try {
    return execFileSync('git', ['-C', repo, ...args], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 })
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim()
    throw new UsageError(`git ${args.join(' ')} failed in ${repo}: ${stderr || (error as Error).message}`)
  }
}

export function resolveRev(repo: string, rev: string): string {
  return git(repo, ['rev-parse', '--verify', `${rev}^{commit}`]).toString().trim()
}

/** git's status letters as GitHub names a pull request file's status. */
const STATUS: Record<string, string> = { A: 'added', M: 'modified', D: 'removed', R: 'renamed', C: 'copied', T: 'changed' }

/** Files changed between base and head, as GitHub lists a pull request's files (renames and copies detected). */
export function changedFiles(repo: string, base: string, head: string): { path: string; status: string; previousPath?: string }[] {
  // Three dots: the changes since the merge base, as GitHub diffs a pull request.
  const out = git(repo, ['diff', '--name-status', '-M', '-C', '-z', `${base}...${head}`]).toString()
  const parts = out.split('\0').filter(Boolean)
  const files: { path: string; status: string; previousPath?: string }[] = []
  for (let i = 0; i < parts.length; i++) {
    const code = parts[i] as string
    const twoPaths = code.startsWith('R') || code.startsWith('C')
    const status = STATUS[code[0] as string] ?? 'changed'
    // A rename diffs against its old path; a copy's source stays and may change too, so its patch is the new file's alone.
    const path = parts[i + (twoPaths ? 2 : 1)] as string
    files.push(status === 'renamed' ? { path, status, previousPath: parts[i + 1] as string } : { path, status })
    i += twoPaths ? 2 : 1
  }
  return files
}

export function fileAt(repo: string, rev: string, path: string): Buffer | undefined {
  try {
    return execFileSync('git', ['-C', repo, 'show', `${rev}:${path}`], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 })
  } catch {
    return undefined
  }
}

/** The file's diff as GitHub's `patch` field carries it: hunks only, no file headers (a renamed file against its old path). */
export function patchOf(repo: string, base: string, head: string, path: string, previousPath?: string): string | undefined {
  const paths = previousPath === undefined ? [path] : [previousPath, path]
  const diff = git(repo, ['diff', '-M', '--no-color', '--no-ext-diff', '-U3', `${base}...${head}`, '--', ...paths]).toString()
  if (/^Binary files /m.test(diff)) return undefined
  const at = diff.indexOf('\n@@')
  return at === -1 ? undefined : diff.slice(at + 1).replace(/\n$/, '')
}

/** Lists files under a folder at a revision. */
/** A folder's entries at a revision (folders end in `/`); undefined when there is no such folder. */
function folderAt(repo: string, rev: string, dir: string): string[] | undefined {
  const clean = dir.replace(/^\/+|\/+$/g, '')
  let out: string
  try {
    out = git(repo, ['ls-tree', `${rev}:${clean}`]).toString()
  } catch {
    return undefined
  }
  // <mode> SP <type> SP <object> TAB <name>
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [meta = '', name = ''] = line.split('\t')
      return meta.split(' ')[1] === 'tree' ? `${name}/` : name
    })
}

export function listTree(repo: string, rev: string, dir: string): string[] {
  try {
    return git(repo, ['ls-tree', '-r', '--name-only', rev, '--', dir]).toString().split('\n').filter(Boolean)
  } catch {
    return []
  }
}
