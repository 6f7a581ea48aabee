import type { ValeRuleDef } from '../load-styles.js'
import { compileValeRegex, regexFor } from '../regex.js'
import type { ValeBlock } from '../vale-doc.js'
import { blockCheck, formatMessage, readScope, ruleRegex, strings, ValeRuleError, type CheckEnv, type ValeAlert, type ValeCheck } from './common.js'

const AP_SMALL = new Set(['a', 'an', 'and', 'at', 'but', 'by', 'for', 'in', 'nor', 'of', 'on', 'or', 'so', 'the', 'to', 'up', 'yet', 'as', 'vs', 'vs.', 'via', 'v', 'v.', 'en', 'if', 'per'])
const CHICAGO_SMALL = new Set([...AP_SMALL, 'with', 'from', 'into', 'onto', 'over', 'upon', 'off', 'out', 'down', 'near', 'than', 'till', 'like'])

/**
 * `capitalization`: the whole text of each scoped block must be in the case `match`
 * names ($title, $sentence, $lower, $upper) or match a pattern; the alert covers the
 * block. Sentence and title case pass when the share of words in the right case
 * reaches `threshold`, words of `exceptions` and the accepted vocabulary counting as right.
 */
export function capitalization(def: ValeRuleDef, env: CheckEnv): ValeCheck {
  const f = def.fields
  const match = String(f['match'] ?? '$sentence')
  if (match.startsWith('$') && !['$title', '$sentence', '$lower', '$upper'].includes(match)) {
    throw new ValeRuleError(def.file, def.lineOf('match'), `match '${match}' is not one of $title, $sentence, $lower, $upper (or a pattern)`)
  }
  const threshold = Number(f['threshold'] ?? 0.8)
  const indicators = strings(f['indicators'])
  const exceptions = [...strings(f['exceptions']), ...(f['vocab'] === false ? [] : env.accept)]
  const exceptRes = exceptions.flatMap((e): Exception[] => {
    try {
      return [{ re: compileValeRegex(`(?<![\\p{L}\\p{N}])(?:${e})(?![\\p{L}\\p{N}])`), ...(LITERAL.test(e) ? { literal: e } : {}) }]
    } catch {
      return []
    }
  })
  const prefix = typeof f['prefix'] === 'string' ? ruleRegex(def, 'prefix', `^(?:${f['prefix']})`) : undefined
  const small = String(f['style'] ?? 'AP').toLowerCase() === 'chicago' ? CHICAGO_SMALL : AP_SMALL
  const pattern = match.startsWith('$') ? undefined : ruleRegex(def, 'match', match)
  const test = (text: string): boolean => {
    if (match === '$lower') return text === text.toLowerCase()
    if (match === '$upper') return text === text.toUpperCase()
    if (pattern) {
      const re = regexFor(pattern, text)
      re.lastIndex = 0
      return re.test(text)
    }
    // Words without letters ("1", "1.", a code span) are right where they stand; the word after
    // leading ones may take either case, as Vale has it: "1. An important heading" and
    // "1 this also is in sentence case" are both sentence case.
    const words = tokens(text, exceptRes)
    const lead = words.findIndex((w) => /\p{L}/u.test(w.raw))
    if (lead < 0) return true
    let right = 0
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as Word
      const prev = words[i - 1]
      const afterIndicator = prev !== undefined && indicators.some((ind) => prev.raw.endsWith(ind))
      if (w.excepted || !/\p{L}/u.test(w.bare) || w.bare === w.bare.toUpperCase()) {
        right++
        continue
      }
      const upper = /^\p{Lu}/u.test(w.bare)
      if (match === '$title') {
        const isSmall = small.has(w.bare.toLowerCase())
        if (i === 0 || i === words.length - 1 || afterIndicator) right += upper ? 1 : 0
        else right += isSmall ? (upper ? 0 : 1) : upper ? 1 : 0
        continue
      }
      if (i === lead && lead > 0) {
        right++
        continue
      }
      if (i === 0) {
        if (!upper) return false
        right++
        continue
      }
      right += !upper || afterIndicator ? 1 : 0
    }
    return right / words.length > threshold || (right === words.length)
  }
  const runBlock = (block: ValeBlock): ValeAlert[] => {
    let text = block.range.text
    let offset = 0
    if (prefix) {
      const re = regexFor(prefix, text)
      re.lastIndex = 0
      const m = re.exec(text)
      if (m) {
        offset = m[0].length
        text = text.slice(offset)
      }
    }
    const trimmed = text.trimEnd()
    if (trimmed.trim() === '' || test(trimmed)) return []
    const lead = trimmed.length - trimmed.trimStart().length
    return [{ block, start: offset + lead, end: offset + trimmed.length, message: formatMessage(def.message, trimmed.trim()) }]
  }
  return blockCheck(def, readScope(f['scope'], 'heading'), runBlock)
}

interface Word {
  readonly raw: string
  /** Without surrounding punctuation. */
  readonly bare: string
  readonly excepted: boolean
}

/** An exception's pattern; `literal` when it is plain letters, digits and spaces, which only match where the text holds them. */
interface Exception {
  readonly re: ReturnType<typeof compileValeRegex>
  readonly literal?: string
}

/** An exception with no regex syntax: it matches only where the text contains it as written (the pattern is case-sensitive). */
const LITERAL = /^[A-Za-z0-9 ]+$/

function tokens(text: string, exceptRes: readonly Exception[]): Word[] {
  const covered = new Uint8Array(text.length)
  for (const { re, literal } of exceptRes) {
    // Most headings hold none of a style's exceptions: skipping those saves compiling and running
    // each pattern (its Unicode twin, for a heading with a curly quote) on every heading.
    if (literal !== undefined && !text.includes(literal)) continue
    const js = regexFor(re, text)
    js.lastIndex = 0
    for (let m = js.exec(text); m; m = js.exec(text)) {
      if (m[0].length === 0) {
        js.lastIndex++
        continue
      }
      covered.fill(1, m.index, m.index + m[0].length)
    }
  }
  const out: Word[] = []
  const re = /\S+/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0]
    const bare = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    let excepted = bare !== ''
    for (let i = 0; i < raw.length; i++) if (/[\p{L}\p{N}]/u.test(raw[i] as string) && covered[m.index + i] === 0) excepted = false
    out.push({ raw, bare: bare.split('-')[0] ?? bare, excepted })
  }
  return out
}
