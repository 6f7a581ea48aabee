import type { Nodes, Parents, Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm)
narrowLiteralAutolinkTransform((processor.data('fromMarkdownExtensions') ?? []) as readonly (TreeExtension | TreeExtension[])[])

export function parseMarkdown(source: string): Root {
  return processor.parse(source)
}

/**
 * remark-gfm ends every parse with a pass that turns URLs and e-mail addresses left in
 * text into links: four regexes, each starting with a lookbehind, each walking the whole
 * tree. It was 7% of all parsing on the flink-web corpus, though few text nodes hold a
 * "://", "www." or "@", without which none of them can match. This runs the same pass
 * on just the blocks (paragraphs, headings, table cells) that hold such text, so the
 * tree is the same, node for node (test/markdown/parse.test.ts compares it with plain
 * remark-gfm's).
 */
function narrowLiteralAutolinkTransform(extensions: readonly (TreeExtension | TreeExtension[])[]): void {
  for (const extension of extensions.flat()) {
    if (!extension.enter?.['literalAutolink'] || !extension.transforms) continue
    extension.transforms = extension.transforms.map((transform) => narrowed(transform))
  }
}

/** The parts of an mdast-util-from-markdown extension this file touches. */
interface TreeExtension {
  readonly enter?: Readonly<Record<string, unknown>>
  transforms?: Transform[]
}

type Transform = (tree: Root) => Root | undefined | void

const MAY_AUTOLINK = /:\/\/|www\.|@/i

function narrowed(transform: Transform): Transform {
  return (tree) => {
    const blocks: Parents[] = []
    let outsideBlocks = false
    const walk = (node: Nodes, block: Parents | undefined): void => {
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') block = node
      if (node.type === 'text') {
        if (!MAY_AUTOLINK.test(node.value)) return
        if (!block) outsideBlocks = true
        else if (blocks.at(-1) !== block) blocks.push(block)
        return
      }
      if ('children' in node) for (const child of node.children) walk(child, block)
    }
    walk(tree, undefined)
    // A root holding those blocks: the pass changes only the children of their phrasing nodes.
    if (outsideBlocks) transform(tree)
    else if (blocks.length > 0) transform({ type: 'root', children: blocks as Root['children'] })
    return tree
  }
}
