import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from '../core/package-root.js'
import { StemTable } from './stem-table.js'

/**
 * Where `npm run build` stores the English stem table, named by a hash of the .dic it
 * was built from: a dictionary upgrade misses the old file instead of reading it.
 */
export function stemIndexPath(dic: Uint8Array): string {
  const hash = createHash('sha256').update(dic).digest('hex').slice(0, 16)
  return join(packageRoot(), 'dist', `stem-index-${hash}.bin`)
}

/** The stems of the bundled English dictionary's .dic: from the build's index when there is one, else built now. */
export function englishStems(dic: Uint8Array): StemTable {
  let bytes: Uint8Array | undefined
  try {
    bytes = readFileSync(stemIndexPath(dic))
  } catch {
    // Not built (running from source): build it in memory.
  }
  return (bytes && StemTable.fromBytes(bytes)) ?? buildEnglishStems(dic)
}

export function buildEnglishStems(dic: Uint8Array): StemTable {
  return StemTable.build(new TextDecoder().decode(dic))
}
