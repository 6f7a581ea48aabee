import { z } from 'zod'
import { scopeFields } from '../kinds/common-fields.js'
import { defineCheck, overRanges, type KindOptions, type RangeChecker } from '../kinds/kind.js'
import type { RuleMatch } from '../rule-match.js'

const options = {
  ...scopeFields,
  names: z.array(z.string().regex(/^[a-z][a-z0-9]*(?:\.js)?$/)).min(1).meta({ description: 'Names their makers write in lower case only ("curl", "containerd").' }),
}

/** A word of letters and digits, with `.js` on a library's name; not part of a path, handle or flag. */
const WORD = /(?<![\p{L}\p{N}_./@-])[A-Za-z][A-Za-z0-9]*(?:\.js)?(?![\p{L}\p{N}_/@-]|\.[\p{L}\p{N}])/gu
/** A capital after the first letter, in a word not all in capitals: "cURL", "ContainerD". */
const INNER_CAPITAL = /^.[^A-Z]*[A-Z]/

/**
 * Names written in lower case by their makers ("curl", "containerd", "esbuild") are often
 * given a capital inside ("cURL", "ContainerD") that no one else uses. Only such a form is
 * corrected: the name at the start of a sentence ("Curl") or in capitals ("NPM", a house
 * style) is left alone, and so is every word that is not a listed name.
 */
export function lowercaseNames(rule: KindOptions<typeof options>): RangeChecker {
  const names = new Set(rule.names.map((n) => n.toLowerCase()))
  return (ranges) => {
    const out: RuleMatch[] = []
    for (const range of ranges) {
      if (!/[a-z][A-Z]|[A-Z][a-z]*[A-Z]/.test(range.text)) continue
      for (const m of range.text.matchAll(WORD)) {
        const word = m[0]
        const lower = word.toLowerCase()
        if (word === lower || word === word.toUpperCase() || !INNER_CAPITAL.test(word) || !names.has(lower)) continue
        out.push({ range, start: m.index, end: m.index + word.length, replacement: lower })
      }
    }
    return out
  }
}

export const lowercaseNamesCheck = defineCheck({
  name: 'lowercase-names',
  summary: 'a lower-case name given a capital inside (`cURL` for `curl`)',
  options,
  compile: (rule, env) => overRanges(env, lowercaseNames(rule)),
})
