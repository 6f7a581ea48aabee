/**
 * Vale's comment switches, applied from where they stand onwards:
 * `<!-- vale off -->` / `<!-- vale on -->`; `<!-- vale Style.Rule = NO -->` / `= YES`
 * (YES undoes an earlier NO; a whole style works the same); `<!-- vale Style.Rule["a","b"] = NO -->`
 * for those matches only; `<!-- vale style = A -->` / `styles = A, B` to run only those
 * styles. MDX's `{/* vale off *\/}` works the same.
 */
type Directive =
  | { readonly offset: number; readonly kind: 'all'; readonly on: boolean }
  | { readonly offset: number; readonly kind: 'only'; readonly styles: ReadonlySet<string> }
  | { readonly offset: number; readonly kind: 'name'; readonly name: string; readonly on: boolean; readonly matches?: readonly string[] }

export interface CommentSwitches {
  isOff(ruleId: string, offset: number, matched: string): boolean
}

const COMMENT = /<!--\s*vale\s+([\s\S]*?)\s*-->|\{\/\*\s*vale\s+([\s\S]*?)\s*\*\/\}/g
const OFF = /^(no|false|off)$/i

export function readCommentSwitches(source: string): CommentSwitches {
  const directives: Directive[] = []
  COMMENT.lastIndex = 0
  for (let m = COMMENT.exec(source); m; m = COMMENT.exec(source)) {
    const body = (m[1] ?? m[2] ?? '').trim()
    const offset = m.index
    if (/^(off|on)$/i.test(body)) {
      directives.push({ offset, kind: 'all', on: /^on$/i.test(body) })
      continue
    }
    const only = /^styles?\s*=\s*(.+)$/i.exec(body)
    if (only) {
      directives.push({ offset, kind: 'only', styles: new Set((only[1] as string).split(',').map((s) => s.trim())) })
      continue
    }
    for (const pair of body.matchAll(/([\w.-]+)(\[[^\]]*\])?\s*=\s*(\w+)/g)) {
      const matches = pair[2] === undefined ? undefined : [...pair[2].matchAll(/"([^"]*)"|'([^']*)'/g)].map((q) => q[1] ?? q[2] ?? '')
      directives.push({ offset, kind: 'name', name: pair[1] as string, on: !OFF.test(pair[3] as string), ...(matches ? { matches } : {}) })
    }
  }
  return {
    isOff(ruleId, offset, matched) {
      if (directives.length === 0) return false
      const style = ruleId.split('.')[0] as string
      let on = true
      let only: ReadonlySet<string> | undefined
      const disabled = new Set<string>()
      const disabledMatches = new Map<string, Set<string>>()
      for (const d of directives) {
        if (d.offset > offset) break
        if (d.kind === 'all') on = d.on
        else if (d.kind === 'only') only = d.styles
        else if (d.matches) {
          const set = disabledMatches.get(d.name) ?? new Set<string>()
          for (const text of d.matches) {
            if (d.on) set.delete(text)
            else set.add(text)
          }
          disabledMatches.set(d.name, set)
        } else if (d.on) disabled.delete(d.name)
        else disabled.add(d.name)
      }
      if (!on || disabled.has(ruleId) || disabled.has(style)) return true
      if (only && !only.has(style)) return true
      return disabledMatches.get(ruleId)?.has(matched) === true
    },
  }
}
