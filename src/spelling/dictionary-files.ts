import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export interface HunspellFiles {
  readonly aff: Uint8Array
  readonly dic: Uint8Array
}

/**
 * The files of the bundled English Hunspell dictionary (dictionary-en), read directly:
 * the package's entry reads them with a top-level await, which the CLI's CommonJS
 * bundle cannot load.
 */
export function readEnglishDictionaryFiles(): HunspellFiles {
  const dir = dirname(createRequire(import.meta.url).resolve('dictionary-en'))
  return { aff: readFileSync(join(dir, 'index.aff')), dic: readFileSync(join(dir, 'index.dic')) }
}
