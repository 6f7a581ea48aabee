import { statSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import type { RepoConfig } from '../config/repo-config.js'

// Loaded when an argument needs a glob: tinyglobby's fdir loads picomatch from
// node_modules as it starts (outside the bundle and its code cache), ~18 ms of a
// one-post lint that names its file.
async function glob(patterns: string | string[], options: { cwd: string; ignore: string[]; dot?: boolean }): Promise<string[]> {
  return (await import('tinyglobby')).glob(patterns, options)
}

const MARKDOWN = '**/*.{md,markdown,mdx}'

export interface ResolvedFiles {
  /** Relative to the working folder, sorted. */
  readonly files: string[]
  /** One line per argument that names nothing to check, naming it. */
  readonly problems: string[]
}

/**
 * Files named on the command line are linted as given; folders yield their Markdown;
 * other arguments are globs. With no argument, the config's blog-post globs apply.
 * An argument that yields nothing (a missing path, an empty folder, a glob matching
 * nothing) is a problem: a run that checked less than asked must not pass silently.
 */
export async function resolveFiles(args: readonly string[], config: RepoConfig, cwd: string): Promise<ResolvedFiles> {
  const ignore = ['**/node_modules/**', '**/.git/**']
  if (args.length === 0) {
    const files = await glob(config.include, { cwd, ignore: [...ignore, ...config.exclude], dot: false })
    const problems = files.length === 0 ? [`nothing to check: no file matches the blog-post globs (include: ${config.include.join(', ')})`] : []
    return { files: files.sort(), problems }
  }
  const files = new Set<string>()
  const problems: string[] = []
  for (const arg of args) {
    const full = resolve(cwd, arg)
    const kind = kindOf(full)
    if (kind === 'file') files.add(relative(cwd, full) || arg)
    else if (kind === 'folder') {
      const found = await glob(MARKDOWN, { cwd: full, ignore })
      if (found.length === 0) problems.push(`${arg}: no Markdown files (.md, .markdown, .mdx) in this folder`)
      for (const f of found) files.add(relative(cwd, resolve(full, f)))
    } else {
      const matched = await glob(arg, { cwd, ignore })
      if (matched.length === 0) problems.push(`${arg}: no such file, folder or matching glob`)
      for (const f of matched) files.add(f)
    }
  }
  return { files: [...files].sort(), problems }
}

function kindOf(path: string): 'file' | 'folder' | 'other' {
  try {
    const stat = statSync(path)
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : 'other'
  } catch {
    return 'other'
  }
}
