/**
 * Vale's comment switches: `<!-- vale off -->` / `<!-- vale on -->`, and
 * `<!-- vale Style.Rule = NO -->` / `= YES` (or a whole style), from that point on.
 * MDX's `{/* vale off *\/}` works the same.
 */
interface Directive {
  readonly offset: number
  readonly all?: boolean
  readonly names?: ReadonlyMap<string, boolean>
}

export interface CommentSwitches {
  isOff(ruleId: string, offset: number): boolean
}

const COMMENT = /<!--\s*vale\s+([\s\S]*?)\s*-->|\{\/\*\s*vale\s+([\s\S]*?)\s*\*\/\}/g

export function readCommentSwitches(source: string): CommentSwitches {
  const directives: Directive[] = []
  COMMENT.lastIndex = 0
  for (let m = COMMENT.exec(source); m; m = COMMENT.exec(source)) {
    const body = (m[1] ?? m[2] ?? '').trim()
    if (/^off$/i.test(body)) directives.push({ offset: m.index, all: false })
    else if (/^on$/i.test(body)) directives.push({ offset: m.index, all: true })
    else {
      const names = new Map<string, boolean>()
      for (const pair of body.matchAll(/([\w.-]+)\s*=\s*(\w+)/g)) names.set(pair[1] as string, !/^(no|false|off)$/i.test(pair[2] as string))
      if (names.size > 0) directives.push({ offset: m.index, names })
    }
  }
  return {
    isOff(ruleId, offset) {
      if (directives.length === 0) return false
      const style = ruleId.split('.')[0] as string
      let on = true
      const named = new Map<string, boolean>()
      for (const d of directives) {
        if (d.offset > offset) break
        if (d.all !== undefined) on = d.all
        if (d.names) for (const [k, v] of d.names) named.set(k, v)
      }
      return !on || named.get(ruleId) === false || (named.get(ruleId) === undefined && named.get(style) === false)
    },
  }
}
