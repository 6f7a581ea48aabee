import { isAbsolute, join } from 'node:path'
import type { WordChecker } from '../../spelling/hunspell.js'
import { dictionaryNames, DICTIONARY_DIR, filesUnder, IGNORE_DIR, readDictionary, unionChecker } from '../dictionaries.js'
import type { ValeRuleDef } from '../load-styles.js'
import { actionFix } from '../action.js'
import { compileValeRegex, regexFor, type ValeRegex } from '../regex.js'
import type { ValeBlock } from '../vale-doc.js'
import { acceptedPhrases, blockCheck, inAcceptedPhrase, formatMessage, readScope, strings, ValeRuleError, type CheckEnv, type ValeAlert, type ValeCheck } from './common.js'

const WORD = /[\p{L}\p{M}]+(?:['’‘][\p{L}\p{M}]+)*/gu
/** With `custom: true` a hyphenated compound is one word, checked whole, as Vale does without its default filters. */
const COMPOUND = /[\p{L}\p{M}]+(?:['’‘-][\p{L}\p{M}]+)*/gu
const US = new Set(['en_US', 'en-US'])

/**
 * `spelling` (and Vale.Spelling): each word of the text against the bundled en_US
 * dictionary and the Hunspell dictionaries the style names (`dictionaries`, found in
 * `dicpath` or StylesPath/config/dictionaries; Vale.Spelling reads every dictionary and
 * ignore list there, as Vale 3 does). `append: false` drops the bundled dictionary;
 * `custom: true` drops the default filters for all-caps and mixed-case words and hyphenated
 * compounds. Words with digits, file names and words of `ignore` files, `filters` and the
 * vocabulary are skipped.
 */
export function spelling(def: ValeRuleDef, env: CheckEnv): ValeCheck {
  const f = def.fields
  const custom = f['custom'] === true
  const own = def.id === 'Vale.Spelling'
  const checker = dictionaryFor(def, env, own)
  const ignored = new Set<string>()
  const ignoreFiles = strings(f['ignore']).map((file) => {
    if (env.stylesPath === undefined) return file
    const direct = join(env.stylesPath, file)
    const inIgnoreDir = join(env.stylesPath, IGNORE_DIR, file)
    return env.files.read(direct) === undefined && env.files.read(inIgnoreDir) !== undefined ? inIgnoreDir : direct
  })
  if (own && env.stylesPath !== undefined) ignoreFiles.push(...filesUnder(env.files, join(env.stylesPath, IGNORE_DIR)))
  for (const path of ignoreFiles) {
    const text = env.files.read(path)
    if (text === undefined) throw new ValeRuleError(def.file, def.lineOf('ignore'), `ignore file ${path} not found under StylesPath`)
    for (const line of text.split(/\r?\n/)) if (line.trim() !== '') ignored.add(line.trim())
  }
  const filters: ValeRegex[] = strings(f['filters']).map((p) => compileValeRegex(p))
  // Accepted terms join the dictionary, where a lower-case entry also accepts other cases; Vale.Terms polices the case.
  const accepted = f['vocab'] === false ? [] : env.accept.map((a) => compileValeRegex(`^(?:${a})$`, { ignoreCase: true }))
  const phrases = acceptedPhrases(def, env)
  const scope = readScope(f['scope'])
  const runBlock = (block: ValeBlock): ValeAlert[] => {
    const out: ValeAlert[] = []
    const text = block.range.text
    const words = custom ? COMPOUND : WORD
    words.lastIndex = 0
    for (let m = words.exec(text); m; m = words.exec(text)) {
      const word = m[0].replace(/[’‘]/g, "'")
      const next = text[m.index + m[0].length] ?? ''
      const prev = text[m.index - 1] ?? ''
      // Parts of file names, paths, identifiers and numbers are not words.
      if (/[\d_./\\@#]/.test(next) && /[\p{L}\d_/\\]/u.test(text[m.index + m[0].length + 1] ?? '')) continue
      if (/[\d_/\\@#.]/.test(prev) && prev !== '') continue
      if (/\d/.test(next) || word.length < 2) continue
      // Hyphenated compounds ("remark-gfm", "matter-of-factly") are not checked, as in Vale.
      if (!custom && (next === '-' && /\p{L}/u.test(text[m.index + m[0].length + 1] ?? '')) || (!custom && prev === '-' && /\p{L}/u.test(text[m.index - 2] ?? ''))) continue
      // All-caps and mixed-case words are skipped by Vale's default filters, which `custom: true` drops.
      if (!custom && (word === word.toUpperCase() || /\p{Lu}/u.test(word.slice(1)))) continue
      if (ignored.has(word) || ignored.has(word.toLowerCase())) continue
      // A filter skips a word it matches anywhere (Go's MatchString): `[pP]y.*\b` skips "PyYAML".
      if (filters.some((r) => somewhere(r, word)) || accepted.some((r) => full(r, word))) continue
      if (inAcceptedPhrase(phrases, text, m.index, m.index + m[0].length)) continue
      if (checker.isKnown(word) || checker.isKnown(word.replace(/'s$/, '')) || (/^\p{Lu}/u.test(word) && checker.isKnown(word.toLowerCase()))) continue
      const fix = actionFix(def, word, checker.corrections(word))
      out.push({ block, start: m.index, end: m.index + m[0].length, message: formatMessage(def.message, m[0]), ...(fix === undefined ? {} : { fix }) })
    }
    return out
  }
  return blockCheck(def, scope, runBlock)
}

/** The rule's dictionaries as one checker; a named dictionary that is not there is refused by name. */
function dictionaryFor(def: ValeRuleDef, env: CheckEnv, own: boolean): WordChecker {
  const dicpath = def.fields['dicpath']
  const dir =
    typeof dicpath === 'string' && dicpath !== ''
      ? isAbsolute(dicpath) || env.stylesPath === undefined
        ? dicpath
        : join(env.stylesPath, dicpath)
      : env.stylesPath === undefined
        ? undefined
        : join(env.stylesPath, DICTIONARY_DIR)
  const names = own ? (dir === undefined ? [] : dictionaryNames(env.files, dir)) : strings(def.fields['dictionaries'])
  // `append: false`: the named dictionaries replace the bundled one instead of adding to it.
  let bundled = def.fields['append'] !== false
  const checkers: (() => WordChecker)[] = []
  for (const name of names) {
    const pair = dir === undefined ? undefined : readDictionary(env.files, dir, name)
    if (pair) checkers.push(() => env.dictionary(pair))
    else if (US.has(name)) bundled = true
    else throw new ValeRuleError(def.file, def.lineOf('dictionaries'), `dictionary '${name}' not found (no ${name}.dic and ${name}.aff in ${dir ?? 'StylesPath, which is not set'})`)
  }
  if (bundled) checkers.unshift(env.spelling)
  return checkers.length === 1 && bundled ? env.spelling() : unionChecker(checkers)
}

function somewhere(re: ValeRegex, word: string): boolean {
  const js = regexFor(re, word)
  js.lastIndex = 0
  return js.test(word)
}

function full(re: ValeRegex, word: string): boolean {
  const js = regexFor(re, word)
  js.lastIndex = 0
  const m = js.exec(word)
  return m !== null && m.index === 0 && m[0].length === word.length
}
