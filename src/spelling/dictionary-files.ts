import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

let files: { aff: Uint8Array; dic: Uint8Array } | undefined

/**
 * The files of the bundled English Hunspell dictionary (dictionary-en), read directly:
 * the package's entry reads them with a top-level await, which the CLI's CommonJS
 * bundle cannot load.
 */
export function englishDictionary(): { aff: Uint8Array; dic: Uint8Array } {
  if (!files) {
    const dir = dirname(createRequire(import.meta.url).resolve('dictionary-en'))
    files = { aff: readFileSync(join(dir, 'index.aff')), dic: readFileSync(join(dir, 'index.dic')) }
  }
  return files
}
