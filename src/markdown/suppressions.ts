import type { Root } from 'mdast'
import { eachNode } from './each-node.js'

/**
 * A comment switch: from `offset` on, the named rules (every rule, when `rules` is empty)
 * are off or back on; `disable-next-line` is a switch that ends at `end`.
 */
export interface Suppression {
  readonly offset: number
  readonly end?: number
  readonly off: boolean
  readonly rules: readonly string[]
}

const DIRECTIVE = /<!--\s*bluepencil-(disable-next-line|disable|enable)\b([^>]*?)-->/g

/**
 * Reads `<!-- bluepencil-disable [ids] -->`, `<!-- bluepencil-enable [ids] -->` and
 * `<!-- bluepencil-disable-next-line [ids] -->` from HTML nodes, so a directive quoted
 * inside a code block is not obeyed. Switches are kept per rule, as remark-message-control
 * does: `enable a` after `disable a b` turns on `a` only.
 */
export function readSuppressions(tree: Root, source: string): Suppression[] {
  if (!source.includes('bluepencil-')) return []
  const out: Suppression[] = []
  eachNode(tree, (node) => {
    if (node.type !== 'html') return
    const base = node.position?.start.offset
    if (base === undefined) return
    for (const m of node.value.matchAll(DIRECTIVE)) {
      const rules = (m[2] ?? '').split(/[\s,]+/).filter(Boolean)
      const offset = base + (m.index ?? 0)
      if (m[1] === 'disable-next-line') {
        const lineEnd = source.indexOf('\n', offset + m[0].length)
        const nextEnd = lineEnd === -1 ? -1 : source.indexOf('\n', lineEnd + 1)
        out.push({ offset, end: nextEnd === -1 ? source.length : nextEnd, off: true, rules })
      } else {
        out.push({ offset, off: m[1] === 'disable', rules })
      }
    }
  })
  return out.sort((a, b) => a.offset - b.offset)
}

/** The last switch before `offset` that names the rule (or every rule) decides; a next-line switch covers its line. */
export function isSuppressed(suppressions: readonly Suppression[], ruleId: string, offset: number): boolean {
  let off = false
  for (const s of suppressions) {
    if (s.offset > offset) break
    if (s.rules.length > 0 && !s.rules.includes(ruleId)) continue
    if (s.end === undefined) off = s.off
    else if (offset < s.end) return true
  }
  return off
}
