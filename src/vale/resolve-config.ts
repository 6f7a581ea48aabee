import { existsSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { findValeConfig } from './config.js'

/**
 * The Vale configuration a run uses: `--vale PATH` (a file, or a folder to search from),
 * else `vale:` of .github/bluepencil.yml (relative to the repository root), else the one
 * Vale itself would find from the working folder up through its parents.
 */
export function resolveValeConfig(options: { flag?: string; configured?: string; repoRoot: string; cwd: string }): string | undefined {
  if (options.flag !== undefined) return pathOrSearch(resolve(options.cwd, options.flag))
  if (options.configured !== undefined) return pathOrSearch(resolve(options.repoRoot, options.configured))
  return findValeConfig(options.cwd)
}

function pathOrSearch(path: string): string {
  if (existsSync(path) && statSync(path).isDirectory()) return findValeConfig(path) ?? join(path, '.vale.ini')
  return path
}

/** The repository root for a config file at .github/bluepencil.yml (or the folder holding it). */
export function repoRootOf(configFile: string | undefined, cwd: string): string {
  if (configFile === undefined) return cwd
  const dir = dirname(configFile)
  return dir.endsWith('.github') ? dirname(dir) : dir
}
