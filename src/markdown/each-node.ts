import type { Nodes } from 'mdast'

/**
 * Calls `visit` on a node and all its descendants, in document order. A plain walk:
 * the per-node bookkeeping of unist-util-visit (parent stacks, test functions) costs
 * more than the visits themselves on every post.
 */
export function eachNode(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node)
  if ('children' in node) for (const child of node.children) eachNode(child, visit)
}
