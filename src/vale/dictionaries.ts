import { posix } from 'node:path'
import { createChecker, type WordChecker } from '../spelling/hunspell.js'
import { StemTable } from '../spelling/stem-table.js'
import type { ValeFiles } from './vale-files.js'

/** A Hunspell dictionary a Vale style names: `NAME.dic` and `NAME.aff` in one folder. */
export interface HunspellPair {
  readonly name: string
  readonly dic: string
  readonly aff: string
}

/** Where Vale 3 keeps a style's dictionaries and spelling ignore lists. */
export const DICTIONARY_DIR = posix.join('config', 'dictionaries')
export const IGNORE_DIR = posix.join('config', 'ignore')

/** `NAME.dic` + `NAME.aff` in `dir`; undefined when either is missing. */
export function readDictionary(files: ValeFiles, dir: string, name: string): HunspellPair | undefined {
  const dic = files.read(posix.join(dir, `${name}.dic`))
  const aff = files.read(posix.join(dir, `${name}.aff`))
  return dic === undefined || aff === undefined ? undefined : { name, dic, aff }
}

/** Names of the dictionaries in a folder (each `.dic` with its `.aff`). */
export function dictionaryNames(files: ValeFiles, dir: string): string[] {
  const names = files.list(dir) ?? []
  return names.filter((n) => n.endsWith('.dic') && names.includes(`${n.slice(0, -4)}.aff`)).map((n) => n.slice(0, -4)).sort()
}

/** Every file under a folder, at any depth (Vale reads each as a list of words to ignore). */
export function filesUnder(files: ValeFiles, dir: string): string[] {
  const out: string[] = []
  for (const name of files.list(dir) ?? []) {
    if (name.endsWith('/')) out.push(...filesUnder(files, posix.join(dir, name)))
    else out.push(posix.join(dir, name))
  }
  return out.sort()
}

/**
 * Checkers for dictionaries, built on first use and kept per project: the stem table of a
 * large .dic takes tens of milliseconds, so a rule that never runs never pays for it.
 */
export function dictionaryCache(): (pair: HunspellPair) => WordChecker {
  const built = new Map<string, WordChecker>()
  return (pair) => {
    const key = `${pair.name}\0${pair.dic.length}\0${pair.aff.length}\0${pair.dic.slice(0, 256)}`
    let checker = built.get(key)
    if (!checker) {
      checker = createChecker(pair.aff, StemTable.build(pair.dic))
      built.set(key, checker)
    }
    return checker
  }
}

/** A word is known when any of the checkers knows it; corrections come from each in turn. */
export function unionChecker(checkers: readonly (() => WordChecker)[]): WordChecker {
  return {
    isKnown: (word) => checkers.some((c) => c().isKnown(word)),
    isName: (word) => checkers.some((c) => c().isName(word)),
    corrections: (word) => [...new Set(checkers.flatMap((c) => c().corrections(word)))],
  }
}
