import type { Nodes, Parents, Root, RootContent } from 'mdast'
import type { Scope } from '../core/types.js'
import type { ProseRange } from './prose-doc.js'
import { TextBuilder } from './align-text.js'
import { codeShortcodeRegions, maskRegions, maskShortcodes } from './template-code.js'
import { withoutVerbatim } from './verbatim.js'

interface Walk {
  readonly source: string
  readonly ranges: ProseRange[]
  nextListId: number
  /** Link texts of the block being built: [start, end) in its text. */
  links: [number, number][]
  /** Bold texts of the block being built: [start, end) in its text. */
  strong: [number, number][]
  /** Emphasised (italic) texts of the block being built: [start, end) in its text. */
  emphasis: [number, number][]
}

/** Collects every prose block of a post with a map back into the source. */
export function collectProse(tree: Root, source: string): ProseRange[] {
  const walk: Walk = { source, ranges: [], nextListId: 0, links: [], strong: [], emphasis: [] }
  visitBlocks(walk, tree, 'paragraph')
  const code = codeShortcodeRegions(source)
  return withoutVerbatim(code.length === 0 ? walk.ranges : walk.ranges.map((r) => maskRegions(r, code)))
}

function visitBlocks(walk: Walk, parent: Parents, scope: Scope): void {
  for (const node of parent.children) visitBlock(walk, node, scope)
}

function visitBlock(walk: Walk, node: RootContent, scope: Scope): void {
  switch (node.type) {
    case 'paragraph':
      pushInline(walk, node, scope, {})
      return
    case 'heading':
      pushInline(walk, node, 'heading', { depth: node.depth })
      return
    case 'blockquote':
      visitBlocks(walk, node, 'blockquote')
      return
    case 'list': {
      const listId = walk.nextListId++
      node.children.forEach((item, itemIndex) => {
        item.children.forEach((child, childIndex) => {
          if (child.type === 'paragraph' && childIndex === 0) {
            const list = { listId, itemIndex, itemCount: node.children.length, ordered: node.ordered === true, blocks: item.children.length }
            pushInline(walk, child, 'list', { list })
          } else {
            visitBlock(walk, child, scope === 'blockquote' ? scope : 'list')
          }
        })
      })
      return
    }
    case 'table':
      for (const row of node.children) for (const cell of row.children) pushInline(walk, cell, 'table', {})
      return
    case 'footnoteDefinition':
      visitBlocks(walk, node, scope)
      return
    default:
      // code, html, yaml/toml front matter, definitions, thematic breaks: not prose.
      return
  }
}

type Extra = Pick<ProseRange, 'depth' | 'list' | 'leadInEnd' | 'strong' | 'emphasis'>

/** A bold lead-in counts when it ends with a colon, inside or right after the bold text. */
function colonLeadIn(text: string, strongEnd: number): number | undefined {
  if (text[strongEnd - 1] === ':') return strongEnd
  if (text[strongEnd] === ':') return strongEnd + 1
  return undefined
}

function pushInline(walk: Walk, block: Parents, scope: Scope, extra: Extra): void {
  const builder = new TextBuilder()
  walk.links = []
  walk.strong = []
  walk.emphasis = []
  let leadInEnd: number | undefined
  block.children.forEach((child, index) => {
    collectInline(walk, builder, child as Nodes)
    if (index === 0 && child.type === 'strong') leadInEnd = builder.length
  })
  const { text, offsets } = builder.build()
  if (leadInEnd !== undefined) leadInEnd = colonLeadIn(text, leadInEnd)
  const marks: Extra = { ...extra, ...(leadInEnd === undefined ? {} : { leadInEnd }), ...(walk.strong.length === 0 ? {} : { strong: walk.strong }), ...(walk.emphasis.length === 0 ? {} : { emphasis: walk.emphasis }) }
  walk.ranges.push({ scope, text: maskShortcodes(text, offsets), offsets, ...marks })
  // Link texts again as their own ranges, for rules about links ("click here").
  for (const [start, end] of walk.links) walk.ranges.push({ scope: 'link', text: text.slice(start, end), offsets: offsets.slice(start, end) })
}

function collectInline(walk: Walk, builder: TextBuilder, node: Nodes): void {
  switch (node.type) {
    case 'text': {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) for (const _ of node.value) builder.placeholder()
      else builder.aligned(node.value, walk.source, start, end)
      return
    }
    case 'strong': {
      const start = builder.length
      for (const child of node.children) collectInline(walk, builder, child)
      walk.strong.push([start, builder.length])
      return
    }
    case 'emphasis': {
      const start = builder.length
      for (const child of node.children) collectInline(walk, builder, child)
      walk.emphasis.push([start, builder.length])
      return
    }
    case 'delete':
    case 'linkReference':
      for (const child of node.children) collectInline(walk, builder, child)
      return
    case 'link': {
      if (isBareUrl(node.url, node.children)) {
        builder.placeholder()
        return
      }
      const start = builder.length
      for (const child of node.children) collectInline(walk, builder, child)
      walk.links.push([start, builder.length])
      return
    }
    case 'image':
    case 'imageReference':
      pushAlt(walk, node.alt ?? '', node.position?.start.offset, node.position?.end.offset)
      builder.placeholder()
      return
    case 'break':
      builder.placeholder()
      return
    default:
      // inlineCode, html, footnoteReference: kept out of prose.
      builder.placeholder()
  }
}

export function isBareUrl(url: string, children: readonly Nodes[]): boolean {
  if (children.length !== 1) return false
  const only = children[0]
  if (only?.type !== 'text') return false
  const text = only.value
  return text === url || `mailto:${text}` === url || `http://${text}` === url || /^(https?:\/\/|www\.)\S+$/i.test(text)
}

function pushAlt(walk: Walk, alt: string, start: number | undefined, end: number | undefined): void {
  if (alt.trim() === '' || start === undefined || end === undefined) return
  const builder = new TextBuilder()
  builder.aligned(alt, walk.source, start + 2, end)
  const { text, offsets } = builder.build()
  walk.ranges.push({ scope: 'alt', text, offsets })
}

