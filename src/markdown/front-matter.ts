import type { Root } from 'mdast'
import { isMap, isScalar, parseDocument } from 'yaml'
import { TextBuilder } from './align-text.js'
import type { FrontMatter, FrontMatterField, ProseRange } from './prose-doc.js'

export function readFrontMatter(tree: Root, source: string): FrontMatter | undefined {
  const node = tree.children[0]
  if (node?.type !== 'yaml' || node.position?.start.offset === undefined || node.position.end.offset === undefined) return undefined
  const start = node.position.start.offset
  const end = node.position.end.offset
  const bodyStart = source.indexOf('\n', start) + 1
  const doc = parseDocument(node.value, { keepSourceTokens: false, prettyErrors: false })
  const errors = doc.errors.map((e) => ({ offset: bodyStart + (e.pos[0] ?? 0), message: e.message.split('\n')[0] ?? e.message }))
  const fields: FrontMatterField[] = []
  const ranges: ProseRange[] = []
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key)) continue
      const name = String(pair.key.value)
      const valueNode = pair.value
      const range = (isScalar(valueNode) ? valueNode.range : undefined) ?? pair.key.range
      if (!range) continue
      const fieldStart = bodyStart + range[0]
      const fieldEnd = bodyStart + range[1]
      const value = valueNode && 'toJSON' in valueNode ? (valueNode as { toJSON(): unknown }).toJSON() : valueNode
      fields.push({ name, value, start: fieldStart, end: fieldEnd })
      if (isScalar(valueNode) && typeof valueNode.value === 'string') ranges.push(fieldRange(name, valueNode.value, source, fieldStart, fieldEnd))
    }
  }
  return { start, end, fields, errors, ranges }
}

function fieldRange(name: string, value: string, source: string, start: number, end: number): ProseRange {
  const quoted = source[start] === '"' || source[start] === "'"
  // A block scalar's text starts on the line after its `|` or `>` indicator.
  const block = (source[start] === '|' || source[start] === '>') && source.indexOf('\n', start) !== -1 && source.indexOf('\n', start) < end
  const from = block ? source.indexOf('\n', start) + 1 : quoted ? start + 1 : start
  const builder = new TextBuilder()
  builder.aligned(value, source, from, quoted ? end - 1 : end)
  const { text, offsets } = builder.build()
  return { scope: 'frontmatter', text, offsets, field: name }
}
