import GithubSlugger from 'github-slugger'
import type { ProseDoc } from '../../markdown/prose-doc.js'
import type { RuleMatch } from '../rule-match.js'
import { defineCheck } from '../kinds/kind.js'
import { PLACEHOLDER_TARGET } from './links.js'

/** `{#custom-id}` after a heading or a block: Hugo and kramdown give the element that id. */
const ATTRIBUTE_ID = /\{#([^\s}]+)[^}]*\}/g
/** An element with an id or a name (`<a name="x">`, `{{< figure id="x" >}}`) is an anchor too. */
const HTML_ID = /\b(?:id|name)\s*=\s*["']([^"']+)["']/g
const TAG = /<[^>]*>/g

/**
 * The anchors a post defines: its headings' ids as Hugo and GitHub make them (GitHub's
 * slugs, `-1` for a repeated heading; the text with and without inline HTML, as
 * renderers differ there), explicit `{#id}` attributes and HTML ids. Compared ignoring
 * case, so only a target no renderer could produce is reported.
 */
function anchorsOf(doc: ProseDoc): Set<string> {
  const ids = new Set<string>()
  const slugger = new GithubSlugger()
  for (const h of doc.headings) {
    const text = h.text.replace(ATTRIBUTE_ID, '').trim()
    ids.add(slugger.slug(text.replace(TAG, '').trim()))
    ids.add(new GithubSlugger().slug(text))
  }
  for (const m of doc.source.matchAll(ATTRIBUTE_ID)) ids.add((m[1] as string).toLowerCase())
  for (const m of doc.source.matchAll(HTML_ID)) ids.add((m[1] as string).toLowerCase())
  return ids
}

function decoded(fragment: string): string {
  try {
    return decodeURIComponent(fragment)
  } catch {
    return fragment
  }
}

/** `[text](#anchor)` where no heading or element of the post has that id. */
function missingAnchors(doc: ProseDoc): RuleMatch[] {
  // `#top` is the top of the page in every browser; a post without headings takes its anchors from the template.
  const targets = doc.links.filter((l) => l.url.startsWith('#') && l.url.length > 1 && l.url.toLowerCase() !== '#top')
  if (targets.length === 0 || doc.headings.length === 0) return []
  const ids = anchorsOf(doc)
  return targets
    .filter((l) => !ids.has(decoded(l.url.slice(1)).toLowerCase()) && !PLACEHOLDER_TARGET.test(l.url))
    .map((l) => ({ start: l.start, end: l.end, expected: l.url }))
}

export const inPageAnchorCheck = defineCheck({
  name: 'in-page-anchor',
  summary: 'a `#anchor` link that no heading of the post has',
  options: {},
  compile: () => missingAnchors,
})
