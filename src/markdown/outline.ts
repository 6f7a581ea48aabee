import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { HeadingInfo, LinkInfo } from './prose-doc.js'
import { eachNode } from './each-node.js'
import { isBareUrl } from './prose-ranges.js'

/** Links, headings and paragraph spans of a post, in source offsets. */
export function readOutline(tree: Root): { links: LinkInfo[]; headings: HeadingInfo[]; paragraphs: { start: number; end: number }[]; htmlBlocks: { start: number; end: number }[] } {
  const links: LinkInfo[] = []
  const headings: HeadingInfo[] = []
  const paragraphs: { start: number; end: number }[] = []
  const htmlBlocks: { start: number; end: number }[] = []
  for (const node of tree.children) {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (node.type === 'html' && start !== undefined && end !== undefined) htmlBlocks.push({ start, end })
  }
  eachNode(tree, (node) => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    if (node.type === 'link') {
      const bare = isBareUrl(node.url, node.children)
      const textEnd = node.children.at(-1)?.position?.end.offset
      links.push({
        url: node.url,
        start,
        end,
        bare,
        angled: bare && node.children.length === 1 && end - start === toString(node).length + 2,
        ...(textEnd === undefined || bare ? {} : { textEnd }),
      })
    } else if (node.type === 'heading') {
      headings.push({ depth: node.depth, start, end, text: toString(node) })
    } else if (node.type === 'paragraph') {
      paragraphs.push({ start, end })
    }
  })
  return { links, headings, paragraphs, htmlBlocks }
}
