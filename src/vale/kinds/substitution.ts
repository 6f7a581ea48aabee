import type { ValeRuleDef } from '../load-styles.js'
import { actionFix } from '../action.js'
import { regexFor, type ValeRegex } from '../regex.js'
import type { ValeBlock } from '../vale-doc.js'
import { wordPattern } from './existence.js'
import { ValeRuleError, blockCheck, exceptionRegex, formatMessage, shown, isException, matchAll, readScope, ruleRegex, type CheckEnv, type ValeAlert, type ValeCheck } from './common.js'

interface Swap {
  readonly key: string
  readonly replacement: string
  /** The key alone, anchored, for `$1` in the replacement. */
  readonly own?: ValeRegex
}

/**
 * `substitution`: each swap key becomes one capture group of a single alternation; the
 * group that matched names the replacement. Groups inside keys are made non-capturing
 * first, as Vale does, and longer keys are tried first.
 */
export function substitution(def: ValeRuleDef, env: CheckEnv): ValeCheck {
  const f = def.fields
  const ignoreCase = f['ignorecase'] === true
  const swapField = f['swap']
  if (swapField !== undefined && (typeof swapField !== 'object' || swapField === null || Array.isArray(swapField))) {
    throw new ValeRuleError(def.file, def.lineOf('swap'), "'swap' must be a mapping of patterns to replacements")
  }
  const entries = typeof swapField === 'object' && swapField !== null ? Object.entries(swapField as Record<string, unknown>) : []
  const swaps: Swap[] = entries
    .map(([key, value]) => ({ key, replacement: value === null || value === undefined ? '' : String(value) }))
    .sort((a, b) => b.key.length - a.key.length)
    .map((s) => (/\$\d|\$\{/.test(s.replacement) ? { ...s, own: ownRegex(def, s.key, ignoreCase) } : s))
  const body = swaps.map((s) => `(${nonCapturing(s.key)})`).join('|')
  let pattern = f['nonword'] === true ? '(?m)(?:%s)' : wordPattern(env)
  pattern = pattern.replace('%s', () => body)
  if (ignoreCase) pattern = `(?i)${pattern}`
  const re = ruleRegex(def, 'swap', pattern)
  const except = exceptionRegex(def, env, ignoreCase)
  const capitalize = f['capitalize'] === true
  const quoteReplacements = replacesFromSwap(def)
  const scope = readScope(f['scope'])
  const runBlock = (block: ValeBlock): ValeAlert[] => {
    const out: ValeAlert[] = []
    for (const m of matchAll(re, block.range.text)) {
      const index = m.findIndex((g, i) => i > 0 && g !== undefined)
      const swap = swaps[index - 1]
      if (!swap) continue
      const group = m[index] as string
      const start = m.index + m[0].indexOf(group)
      const observed = group.trim()
      let expected = swap.own ? expand(swap.own, observed, swap.replacement) : swap.replacement
      if (capitalize && /^\p{Lu}/u.test(observed)) expected = expected.charAt(0).toUpperCase() + expected.slice(1)
      const options = expected.split('|')
      // Case-sensitive even with ignorecase: "javascript" for "JavaScript" is the point of such rules.
      if (options.includes(observed)) continue
      if (isException(except, observed)) continue
      // The message quotes the match as it is ('vs ' with its space) and the alert starts where the
      // match does (Vale finds the match's text, leading space included); the fix keeps that space
      // unless the replacement brings its own, and leaves a trailing one alone.
      const message = substitutionMessage(def.message, options, shown(block, group), quoteReplacements)
      const lead = group.length - group.trimStart().length
      const fix = actionFix(def, observed, options)
      out.push({ block, start, end: start + lead + observed.length, message, ...(fix === undefined ? {} : { fix: /^\s/.test(fix) ? fix : group.slice(0, lead) + fix }) })
    }
    return out
  }
  return blockCheck(def, scope, runBlock)
}

/**
 * The message as Vale builds it. With `action: replace` and no params, Vale quotes the
 * replacements itself ('a', 'a' or 'b', 'a', 'b', or 'c'; an empty one prints as nothing)
 * and drops the quotes the message puts around its first `%s` so they are not doubled
 * ("Did you mean '%s'?", "Use '%s' instead of '%s'."; "Use %s rather than '%s'." keeps its own). Otherwise the replacement prints as the rule wrote it
 * (`a|b` included) into the message as written.
 */
export function substitutionMessage(message: string, options: readonly string[], observed: string, quoteReplacements = true): string {
  if (!quoteReplacements) return formatMessage(message, options.join('|'), observed)
  const quoted = options.filter((o) => o !== '').map((o) => `'${o}'`)
  const shown = quoted.length <= 1 ? (quoted[0] ?? '') : quoted.length === 2 ? `${quoted[0]} or ${quoted[1]}` : `${quoted.slice(0, -1).join(', ')}, or ${quoted.at(-1)}`
  const first = message.indexOf('%s')
  const quote = message[first - 1]
  const template = first > 0 && (quote === "'" || quote === '"') && message[first + 2] === quote ? message.slice(0, first - 1) + '%s' + message.slice(first + 3) : message
  return formatMessage(template, shown, observed)
}

/** Whether the rule's action is `replace` with no params of its own: Vale then fills them from the swap. */
function replacesFromSwap(def: ValeRuleDef): boolean {
  const action = def.fields['action']
  if (typeof action !== 'object' || action === null) return false
  const { name, params } = action as Record<string, unknown>
  return name === 'replace' && (params === undefined || params === null || (Array.isArray(params) && params.length === 0))
}

function ownRegex(def: ValeRuleDef, key: string, ignoreCase: boolean): ValeRegex {
  return ruleRegex(def, 'swap', `(?:${key})`, ignoreCase)
}

function expand(own: ValeRegex, observed: string, replacement: string): string {
  const re = regexFor(own, observed)
  re.lastIndex = 0
  const m = re.exec(observed)
  if (!m) return replacement
  return replacement.replace(/\$(\d+)|\$\{(\d+)\}/g, (_, a: string | undefined, b: string | undefined) => m[Number(a ?? b)] ?? '')
}

/** `(x)` → `(?:x)` outside classes and escapes; named groups lose their names too. */
export function nonCapturing(pattern: string): string {
  let out = ''
  let inClass = false
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string
    if (c === '\\') {
      out += pattern.slice(i, i + 2)
      i++
      continue
    }
    if (inClass) {
      if (c === ']') inClass = false
      out += c
      continue
    }
    if (c === '[') {
      inClass = true
      out += c
      if (pattern[i + 1] === ']' || (pattern[i + 1] === '^' && pattern[i + 2] === ']')) {
        const skip = pattern[i + 1] === '^' ? 2 : 1
        out += pattern.slice(i + 1, i + 1 + skip)
        i += skip
      }
      continue
    }
    if (c === '(' && pattern[i + 1] !== '?') {
      out += '(?:'
      continue
    }
    const named = /^\(\?P?<([A-Za-z_]\w*)>/.exec(pattern.slice(i))
    if (named) {
      out += '(?:'
      i += named[0].length - 1
      continue
    }
    out += c
  }
  return out
}
