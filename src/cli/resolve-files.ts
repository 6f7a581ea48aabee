import { existsSync, statSync } from 'node:fs'
import { relative } from 'node:path'
import { glob } from 'tinyglobby'
import type { RepoConfig } from '../config/repo-config.js'

const MARKDOWN = '**/*.{md,markdown,mdx}'

/**
 * Files named on the command line are linted as given; folders yield their Markdown;
 * other arguments are globs. With no argument, the config's blog-post globs apply.
 */
export async function resolveFiles(args: readonly string[], config: RepoConfig, cwd: string): Promise<{ files: string[]; missing: string[] }> {
  const ignore = ['**/node_modules/**', '**/.git/**']
  if (args.length === 0) {
    const files = await glob(config.include, { cwd, ignore: [...ignore, ...config.exclude], dot: false })
    return { files: files.sort(), missing: [] }
  }
  const files = new Set<string>()
  const missing: string[] = []
  for (const arg of args) {
    if (existsSync(arg) && statSync(arg).isFile()) files.add(relative(cwd, arg) || arg)
    else if (existsSync(arg) && statSync(arg).isDirectory()) for (const f of await glob(MARKDOWN, { cwd: arg, ignore })) files.add(relative(cwd, `${arg}/${f}`))
    else {
      const matched = await glob(arg, { cwd, ignore })
      if (matched.length === 0) missing.push(arg)
      for (const f of matched) files.add(f)
    }
  }
  return { files: [...files].sort(), missing }
}
