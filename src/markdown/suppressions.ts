import type { Root } from 'mdast'
import { eachNode } from './each-node.js'

/** A region of the source where some rules (or all, when `rules` is empty) are off. */
export interface Suppression {
  readonly start: number
  readonly end: number
  readonly rules: ReadonlySet<string>
}

const DIRECTIVE = /<!--\s*bluepencil-(disable-next-line|disable|enable)\b([^>]*?)-->/g

/**
 * Reads `<!-- bluepencil-disable [ids] -->`, `<!-- bluepencil-enable [ids] -->` and
 * `<!-- bluepencil-disable-next-line [ids] -->` from HTML nodes, so a directive quoted
 * inside a code block is not obeyed.
 */
export function readSuppressions(tree: Root, source: string): Suppression[] {
  if (!source.includes('bluepencil-')) return []
  const directives: { offset: number; end: number; kind: string; rules: string[] }[] = []
  eachNode(tree, (node) => {
    if (node.type !== 'html') return
    const base = node.position?.start.offset
    if (base === undefined) return
    for (const m of node.value.matchAll(DIRECTIVE)) {
      const rules = (m[2] ?? '').split(/[\s,]+/).filter(Boolean)
      directives.push({ offset: base + (m.index ?? 0), end: base + (m.index ?? 0) + m[0].length, kind: m[1] ?? '', rules })
    }
  })
  directives.sort((a, b) => a.offset - b.offset)
  const out: Suppression[] = []
  const open = new Map<string, number>()
  for (const d of directives) {
    if (d.kind === 'disable-next-line') {
      const lineEnd = source.indexOf('\n', d.end)
      const nextEnd = lineEnd === -1 ? source.length : source.indexOf('\n', lineEnd + 1)
      out.push({ start: d.offset, end: nextEnd === -1 ? source.length : nextEnd, rules: new Set(d.rules) })
    } else if (d.kind === 'disable') {
      const key = d.rules.join(' ')
      if (!open.has(key)) open.set(key, d.offset)
    } else {
      for (const [key, start] of [...open]) {
        const rules = key === '' ? [] : key.split(' ')
        if (d.rules.length === 0 || d.rules.some((r) => rules.includes(r))) {
          out.push({ start, end: d.offset, rules: new Set(rules) })
          open.delete(key)
        }
      }
    }
  }
  for (const [key, start] of open) out.push({ start, end: source.length, rules: new Set(key === '' ? [] : key.split(' ')) })
  return out
}

export function isSuppressed(suppressions: readonly Suppression[], ruleId: string, offset: number): boolean {
  return suppressions.some((s) => offset >= s.start && offset < s.end && (s.rules.size === 0 || s.rules.has(ruleId)))
}
