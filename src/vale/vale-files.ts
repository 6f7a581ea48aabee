import { readdirSync, readFileSync, statSync } from 'node:fs'
import { posix } from 'node:path'

/**
 * Where a Vale configuration and its styles are read from: the disk (the CLI) or a
 * snapshot of a repository fetched through the GitHub API (the app). Paths are absolute;
 * a snapshot roots the repository at `/`.
 */
export interface ValeFiles {
  /** A file's text; undefined when there is none. */
  read(path: string): string | undefined
  /** The names in a folder (folders end in `/`); undefined when it is not a folder. */
  list(path: string): readonly string[] | undefined
}

export const diskFiles: ValeFiles = {
  read(path) {
    try {
      return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined
    } catch {
      return undefined
    }
  },
  list(path) {
    try {
      return readdirSync(path, { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name))
    } catch {
      return undefined
    }
  },
}

/** Files and folder listings of a repository, as fetched; serialisable, so it can cross to a lint thread. */
export interface ValeSnapshot {
  /** The configuration in use, as a snapshot path (`/docs/.vale.ini`). */
  readonly configFile: string
  readonly files: Readonly<Record<string, string>>
  /** Listings by folder; null: the folder does not exist. */
  readonly folders: Readonly<Record<string, readonly string[] | null>>
}

/** What reading a snapshot needed and did not find fetched: the next round fetches these. */
export interface SnapshotMisses {
  readonly files: Set<string>
  readonly folders: Set<string>
}

/**
 * A snapshot read as files. A path whose folder was listed without it is known to be
 * absent; anything else not fetched yet is recorded as a miss, so the caller can fetch
 * it and read again.
 */
export function snapshotFiles(snapshot: Pick<ValeSnapshot, 'files' | 'folders'>, misses?: SnapshotMisses, allFoldersListed = false): ValeFiles {
  // With every folder listed, a folder that is not among them does not exist: nothing to fetch.
  const folderMisses = allFoldersListed ? undefined : misses
  return {
    read(path) {
      const text = snapshot.files[path]
      if (text !== undefined) return text
      const parent = posix.dirname(path)
      const listing = snapshot.folders[parent]
      if (listing === undefined) folderMisses?.folders.add(parent)
      else if (listing?.includes(posix.basename(path))) misses?.files.add(path)
      return undefined
    },
    list(path) {
      const clean = path.length > 1 ? path.replace(/\/+$/, '') : path
      const listing = snapshot.folders[clean]
      if (listing !== undefined) return listing ?? undefined
      const parent = snapshot.folders[posix.dirname(clean)]
      // A folder is fetched only when its parent says it exists (or nothing is known of the parent).
      if (clean === '/' || parent === undefined || parent?.includes(`${posix.basename(clean)}/`)) folderMisses?.folders.add(clean)
      return undefined
    },
  }
}
