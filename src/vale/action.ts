import type { ValeRuleDef } from './load-styles.js'
import { compileValeRegex, regexFor } from './regex.js'
import { strings } from './kinds/common.js'

/**
 * The text Vale's `action` would put in place of a match, or undefined when the action
 * offers no single answer (several candidates, `suggest` without one, unknown names).
 * `candidates` are what the rule itself proposes (a substitution's swap, spelling).
 */
export function actionFix(def: ValeRuleDef, matched: string, candidates: readonly string[] = []): string | undefined {
  const action = def.fields['action']
  if (typeof action !== 'object' || action === null) return undefined
  const name = (action as Record<string, unknown>)['name']
  const params = strings((action as Record<string, unknown>)['params'])
  switch (name) {
    case 'replace': {
      const options = candidates.length > 0 ? candidates : params
      return options.length === 1 ? options[0] : undefined
    }
    case 'remove':
      return ''
    case 'suggest':
      return candidates.length === 1 ? candidates[0] : undefined
    case 'edit':
      return edit(params, matched)
    case 'convert':
      if (params[0] === 'lower') return matched.toLowerCase()
      if (params[0] === 'upper') return matched.toUpperCase()
      return undefined
    default:
      return undefined
  }
}

function edit(params: readonly string[], matched: string): string | undefined {
  const [kind, a, b] = params
  switch (kind) {
    case 'regex': {
      if (a === undefined) return undefined
      try {
        const re = regexFor(compileValeRegex(a), matched)
        re.lastIndex = 0
        // Go's ReplaceAllString: $1 and ${1} name groups.
        return matched.replace(re, (b ?? '').replace(/\$\{(\w+)\}/g, '$<$1>').replace(/\$<(\d+)>/g, '$$$1'))
      } catch {
        return undefined
      }
    }
    case 'trim':
      return trim(matched, a ?? ' ', true, true)
    case 'trim_left':
      return trim(matched, a ?? ' ', true, false)
    case 'trim_right':
      return trim(matched, a ?? ' ', false, true)
    case 'truncate': {
      if (a === undefined) return undefined
      const at = matched.indexOf(a)
      return at < 0 ? matched : matched.slice(0, at)
    }
    case 'split': {
      if (a === undefined) return undefined
      const parts = matched.split(a)
      const index = Number(b ?? 0)
      return Number.isInteger(index) ? parts[index] : undefined
    }
    default:
      return undefined
  }
}

/** Go's strings.Trim family: every character of `cut` is removed from the chosen ends. */
function trim(text: string, cut: string, left: boolean, right: boolean): string {
  const set = new Set(cut)
  let s = 0
  let e = text.length
  if (left) while (s < e && set.has(text[s] as string)) s++
  if (right) while (e > s && set.has(text[e - 1] as string)) e--
  return text.slice(s, e)
}
