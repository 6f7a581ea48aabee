import type { RuleFile } from '../config/rule-file.js'
import type { ProseRange } from '../markdown/prose-ranges.js'
import { createPhraseMatcher, type PhraseHit } from './phrase-index.js'
import { compileAlternation, phraseSource } from './phrase-pattern.js'
import { hasPlaceholder, preserveCase } from './text-tools.js'
import type { RuleMatch } from './types.js'

export type RangeChecker = (ranges: readonly ProseRange[]) => RuleMatch[]

const normalise = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim()

/** phrase -> replacement, whole words, keeping the matched text's case. */
export function substitution(rule: RuleFile): RangeChecker {
  const swap = rule.swap ?? {}
  const isRegex = rule.regex === true
  const ignoreCase = rule.ignorecase !== false
  const find = matcher(Object.keys(swap), isRegex, ignoreCase)
  const exceptions = new Set((rule.exceptions ?? []).map(normalise))
  const byPhrase = new Map(Object.entries(swap).map(([k, v]) => [normalise(k), v]))
  const anchored = isRegex
    ? Object.entries(swap).map(([k, v]) => ({ re: new RegExp(`^(?:${phraseSource(k, true)})$`, ignoreCase ? 'iu' : 'u'), to: v }))
    : []

  const replacementFor = (matched: string): string | undefined => {
    if (!isRegex) return byPhrase.get(normalise(matched))
    for (const { re, to } of anchored) if (re.test(matched)) return matched.replace(re, to)
    return undefined
  }

  return (ranges) => {
    const out: RuleMatch[] = []
    for (const range of ranges) {
      for (const { text: matched, start, end } of find(range)) {
        if (hasPlaceholder(matched) || exceptions.has(normalise(matched))) continue
        const to = replacementFor(matched)
        if (to === undefined) continue
        out.push({ range, start, end, replacement: preserveCase(matched, to) })
      }
    }
    return out
  }
}

/** Phrases to flag: message only, or replaced by `replacement`, or removed. */
export function existence(rule: RuleFile): RangeChecker {
  const find = matcher(rule.tokens ?? [], rule.regex === true, rule.ignorecase !== false)
  const exceptions = new Set((rule.exceptions ?? []).map(normalise))
  return (ranges) => {
    const out: RuleMatch[] = []
    for (const range of ranges) {
      for (const hit of find(range)) {
        const matched = hit.text
        let start = hit.start
        let end = hit.end
        if (hasPlaceholder(matched) || exceptions.has(normalise(matched))) continue
        if (rule.remove) {
          // Take one adjoining space with the token so no double space is left behind.
          if (range.text[end] === ' ') end++
          else if (range.text[start - 1] === ' ') start--
          out.push({ range, start, end, replacement: '' })
        } else if (rule.replacement !== undefined) {
          out.push({ range, start, end, replacement: preserveCase(matched, rule.replacement) })
        } else {
          out.push({ range, start, end })
        }
      }
    }
    return out
  }
}

/** Plain phrases go through the word index; regex rules through their (ReDoS-checked) pattern. */
function matcher(phrases: readonly string[], isRegex: boolean, ignoreCase: boolean): (range: ProseRange) => PhraseHit[] {
  if (!isRegex) return createPhraseMatcher(phrases, { ignoreCase })
  const pattern = compileAlternation(phrases, { isRegex: true, ignoreCase })
  return (range) => [...range.text.matchAll(pattern)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[0] }))
}
