import { join } from 'node:path'
import type { ValeRuleDef } from '../load-styles.js'
import { actionFix } from '../action.js'
import { compileValeRegex, regexFor, type ValeRegex } from '../regex.js'
import type { ValeBlock } from '../vale-doc.js'
import { acceptedPhrases, blockCheck, inAcceptedPhrase, formatMessage, readScope, strings, ValeRuleError, type CheckEnv, type ValeAlert, type ValeCheck } from './common.js'

const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu
const US = new Set(['en_US', 'en-US'])

/**
 * `spelling` (and Vale.Spelling): each word of the text against the en_US Hunspell
 * dictionary, skipping what Vale's default filters skip (words with digits, all-caps,
 * mixed case, file names) and words of `ignore` files, `filters` and the vocabulary.
 */
export function spelling(def: ValeRuleDef, env: CheckEnv): ValeCheck {
  const f = def.fields
  const dictionaries = strings(f['dictionaries'])
  const custom = dictionaries.filter((d) => !US.has(d))
  if (custom.length > 0 && (f['append'] === false || dictionaries.every((d) => !US.has(d)))) {
    throw new ValeRuleError(def.file, def.lineOf('dictionaries'), `dictionaries ${custom.join(', ')}: only the bundled en_US dictionary is supported`)
  }
  const ignored = new Set<string>()
  for (const file of strings(f['ignore'])) {
    const path = env.stylesPath === undefined ? file : join(env.stylesPath, file)
    const text = env.files.read(path)
    if (text === undefined) throw new ValeRuleError(def.file, def.lineOf('ignore'), `ignore file ${file} not found under StylesPath`)
    for (const line of text.split(/\r?\n/)) if (line.trim() !== '') ignored.add(line.trim())
  }
  const filters: ValeRegex[] = strings(f['filters']).map((p) => compileValeRegex(p))
  // Accepted terms join the dictionary, where a lower-case entry also accepts other cases; Vale.Terms polices the case.
  const accepted = f['vocab'] === false ? [] : env.accept.map((a) => compileValeRegex(`^(?:${a})$`, { ignoreCase: true }))
  const phrases = acceptedPhrases(def, env)
  const scope = readScope(f['scope'])
  const runBlock = (block: ValeBlock): ValeAlert[] => {
    const checker = env.spelling()
    const out: ValeAlert[] = []
    const text = block.range.text
    WORD.lastIndex = 0
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      const word = m[0].replace(/’/g, "'")
      const next = text[m.index + m[0].length] ?? ''
      const prev = text[m.index - 1] ?? ''
      // Parts of file names, paths, identifiers and numbers are not words.
      if (/[\d_./\\@#]/.test(next) && /[\p{L}\d_/\\]/u.test(text[m.index + m[0].length + 1] ?? '')) continue
      if (/[\d_/\\@#.]/.test(prev) && prev !== '') continue
      if (/\d/.test(next) || word.length < 2) continue
      // Hyphenated compounds ("remark-gfm", "matter-of-factly") are not checked, as in Vale.
      if ((next === '-' && /\p{L}/u.test(text[m.index + m[0].length + 1] ?? '')) || (prev === '-' && /\p{L}/u.test(text[m.index - 2] ?? ''))) continue
      if (word === word.toUpperCase() || /\p{Lu}/u.test(word.slice(1))) continue
      if (ignored.has(word) || ignored.has(word.toLowerCase())) continue
      if (filters.some((r) => full(r, word)) || accepted.some((r) => full(r, word))) continue
      if (inAcceptedPhrase(phrases, text, m.index, m.index + m[0].length)) continue
      if (checker.isKnown(word) || checker.isKnown(word.replace(/'s$/, '')) || (/^\p{Lu}/u.test(word) && checker.isKnown(word.toLowerCase()))) continue
      const fix = actionFix(def, word, checker.corrections(word))
      out.push({ block, start: m.index, end: m.index + m[0].length, message: formatMessage(def.message, m[0]), ...(fix === undefined ? {} : { fix }) })
    }
    return out
  }
  return blockCheck(def, scope, runBlock)
}

function full(re: ValeRegex, word: string): boolean {
  const js = regexFor(re, word)
  js.lastIndex = 0
  const m = js.exec(word)
  return m !== null && m.index === 0 && m[0].length === word.length
}
