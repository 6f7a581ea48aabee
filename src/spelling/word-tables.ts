import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from '../core/package-root.js'

/** A word list of a package, with what `npm run build` stores of it (src/spelling/write-word-tables.ts). */
export interface WordListSource {
  /** The table's name in dist/. */
  readonly name: string
  /** The list's file in its package. */
  readonly file: string
  /** The package's folder (its package.json gives the version). */
  readonly packageDir: string
}

/**
 * Where the build stores a list as a sorted table (src/core/sorted-table.ts), named by a
 * hash of the package's version and the list's size: an upgraded list misses the old
 * table instead of reading it. (Hashing the list itself would cost a run what the table saves.)
 */
export function wordTablePath(source: WordListSource): string {
  const { version } = JSON.parse(readFileSync(join(source.packageDir, 'package.json'), 'utf8')) as { version?: unknown }
  const hash = createHash('sha256').update(`${String(version)}\n${statSync(source.file).size}`).digest('hex').slice(0, 16)
  return join(packageRoot(), 'dist', `${source.name}-${hash}.txt`)
}

/** The build's table of a list, or undefined when there is none (running from source, or an upgraded list). */
export function readWordTable(source: WordListSource): string | undefined {
  try {
    return readFileSync(wordTablePath(source), 'utf8')
  } catch {
    return undefined
  }
}
