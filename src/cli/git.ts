import { execFileSync } from 'node:child_process'
import { UsageError } from './io.js'

export interface ChangedFile {
  readonly path: string
  readonly status: 'added' | 'modified' | 'renamed' | 'removed' | 'other'
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

/** Files changed between base and head, as GitHub lists a pull request's files (renames detected). */
export function changedFiles(repo: string, base: string, head: string): ChangedFile[] {
  const out = git(repo, ['diff', '--name-status', '-M', '-z', base, head]).toString()
  const parts = out.split('\0').filter(Boolean)
  const files: ChangedFile[] = []
  for (let i = 0; i < parts.length; i++) {
    const code = parts[i] as string
    if (code.startsWith('R')) {
      files.push({ path: parts[i + 2] as string, status: 'renamed' })
      i += 2
    } else if (code.startsWith('C')) {
      files.push({ path: parts[i + 2] as string, status: 'added' })
      i += 2
    } else {
      const status = code === 'A' ? 'added' : code === 'M' ? 'modified' : code === 'D' ? 'removed' : 'other'
      files.push({ path: parts[i + 1] as string, status })
      i += 1
    }
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

/** The file's diff as GitHub's `patch` field carries it: hunks only, no file headers. */
export function patchOf(repo: string, base: string, head: string, path: string): string | undefined {
  const diff = git(repo, ['diff', '-M', '--no-color', '--no-ext-diff', '-U3', base, head, '--', path]).toString()
  if (/^Binary files /m.test(diff)) return undefined
  const at = diff.indexOf('\n@@')
  return at === -1 ? undefined : diff.slice(at + 1).replace(/\n$/, '')
}

/** Lists files under a folder at a revision. */
export function listTree(repo: string, rev: string, dir: string): string[] {
  try {
    return git(repo, ['ls-tree', '-r', '--name-only', rev, '--', dir]).toString().split('\n').filter(Boolean)
  } catch {
    return []
  }
}
