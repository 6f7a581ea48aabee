import { posix } from 'node:path'
import type { ConfigError } from '../config/config-error.js'
import { findValeConfig } from './config.js'
import { memoryRuleCache } from './rule-file-cache.js'
import { snapshotFiles, type SnapshotMisses, type ValeSnapshot } from './vale-files.js'
import { loadValeProject, ValeConfigError } from './vale-project.js'
import type { Dictionary } from '../spelling/dictionary.js'

/** A path of a repository: a file's text or a folder's names (folders end in `/`); undefined when absent. */
export type ReadRepoPath = (path: string) => Promise<{ readonly text: string } | { readonly names: readonly string[] } | undefined>

/** What has been fetched of one repository; shared by the posts of a run, so each path is read once. */
export interface FetchedTree {
  readonly files: Record<string, string>
  readonly folders: Record<string, readonly string[] | null>
  /** Every folder listed at once (one tree read for the whole run); false: the tree was too large. */
  whole?: Promise<boolean>
}

/** Every folder of the default branch with its names, or undefined when that cannot be had in one read. */
export type ReadRepoFolders = () => Promise<Record<string, readonly string[]> | undefined>

export function emptyTree(): FetchedTree {
  return { files: {}, folders: {} }
}

/** More than any published style needs (Microsoft's is ~110 files); a larger tree is refused by name. */
const MAX_FETCHES = 600
/** Rounds: folders up to the config, the config, StylesPath, the style folders, their files, files rules name. */
const MAX_ROUNDS = 10

/** The snapshot to lint with and the rules it refused (file, line, why); or why there is none to use. */
export type FetchedVale = { readonly snapshot: ValeSnapshot; readonly problems: readonly ConfigError[] } | { readonly error: ConfigError } | undefined

/**
 * The Vale configuration for a post and everything it reads, fetched through the API:
 * `configured` (`vale:` of .github/bluepencil.yml, repository-relative) or, as Vale
 * finds it, `.vale.ini` (`_vale.ini`, `.vale`, `_vale`) in the post's folder, then each
 * parent. Loading runs against what is fetched so far and names what it missed; those
 * paths are fetched and it runs again, until nothing is missing. Undefined: no
 * configuration, so the bundled rules apply.
 */
export async function fetchValeFor(options: {
  read: ReadRepoPath
  readFolders?: ReadRepoFolders
  postPath: string
  configured: string | undefined
  tree: FetchedTree
  dictionary: Dictionary
}): Promise<FetchedVale> {
  const { read, postPath, configured, tree, dictionary } = options
  // One read of the whole tree answers every folder question (is there a .vale.ini here,
  // what is in this style), so a repository without a Vale configuration costs one call,
  // not one per folder above each post; only files are then read one by one.
  if (options.readFolders) {
    const readFolders = options.readFolders
    tree.whole ??= readFolders().then((folders) => {
      if (!folders) return false
      for (const [dir, names] of Object.entries(folders)) tree.folders[posix.join('/', dir)] = names
      return true
    })
  }
  const allFoldersListed = tree.whole !== undefined && (await tree.whole)
  let fetches = 0
  const cache = memoryRuleCache()
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const misses: SnapshotMisses = { files: new Set(), folders: new Set() }
    const files = snapshotFiles(tree, misses, allFoldersListed)
    const configFile = locate(files, postPath, configured)
    let problems: ConfigError[] = []
    if (configFile !== undefined) {
      try {
        const project = loadValeProject(configFile, { files, cache, dictionary })
        project.rulesFor(posix.join('/', postPath))
        problems = project.problems.map((p) => ({ file: repoPath(p.file), line: p.line, path: '', message: p.message }))
      } catch (error) {
        // A configuration that is not there (yet) or not valid: fetched paths first, then the error stands.
        if (!(error instanceof ValeConfigError)) throw error
        if (misses.files.size + misses.folders.size === 0) return { error: { file: repoPath(error.file), ...(error.line === undefined ? {} : { line: error.line }), path: '', message: error.message } }
      }
    }
    if (misses.files.size + misses.folders.size === 0) {
      if (configFile === undefined) return undefined
      return { snapshot: { configFile, files: tree.files, folders: tree.folders }, problems }
    }
    fetches += misses.files.size + misses.folders.size
    if (fetches > MAX_FETCHES) return { error: { file: repoPath(configFile ?? postPath), path: '', message: `the Vale configuration and styles need more than ${MAX_FETCHES} files; Bluepencil reads at most that many through the GitHub API` } }
    await Promise.all([
      ...[...misses.folders].map(async (folder) => {
        const got = await read(folder.replace(/^\/+/, ''))
        tree.folders[folder] = got && 'names' in got ? got.names : null
        if (got && 'text' in got) tree.files[folder] = got.text
      }),
      ...[...misses.files].map(async (file) => {
        const got = await read(file.replace(/^\/+/, ''))
        if (got && 'text' in got) tree.files[file] = got.text
        else tree.folders[posix.dirname(file)] = (tree.folders[posix.dirname(file)] ?? []).filter((n) => n !== posix.basename(file))
      }),
    ])
  }
  return { error: { file: repoPath(postPath), path: '', message: `the Vale configuration could not be read in ${MAX_ROUNDS} rounds of GitHub API reads` } }
}

function repoPath(path: string): string {
  return path.replace(/^\/+/, '')
}

function locate(files: ReturnType<typeof snapshotFiles>, postPath: string, configured: string | undefined): string | undefined {
  if (configured === undefined) return findValeConfig(posix.dirname(posix.join('/', postPath)), '/', files)
  const path = posix.join('/', configured)
  // `vale: docs` names a folder to search from; `vale: docs/.vale.ini` the file itself.
  if (files.list(path) !== undefined) return findValeConfig(path, path, files) ?? posix.join(path, '.vale.ini')
  return path
}
