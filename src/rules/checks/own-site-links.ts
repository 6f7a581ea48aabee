import type { ProseDoc } from '../../markdown/prose-doc.js'
import type { RuleMatch } from '../rule-match.js'
import { wordList } from '../kinds/common-fields.js'
import { defineCheck } from '../kinds/kind.js'

/**
 * A link to one of the blog's own pages written with the site's address
 * ("https://flink.apache.org/2020/10/15/post/") breaks in a preview or on a mirror and
 * leaves the site when it moves: the path alone ("/2020/10/15/post/") is the link.
 * Only inline links whose target is written as parsed are changed; a bare URL shown as
 * text is the author's choice.
 */
export function ownSiteLinks(sites: readonly string[]): (doc: ProseDoc) => RuleMatch[] {
  const bases = sites.flatMap((s) => siteBase(s) ?? [])
  return (doc) => {
    if (bases.length === 0) return []
    const out: RuleMatch[] = []
    for (const link of doc.links) {
      if (link.bare || link.textEnd === undefined) continue
      const path = sitePath(link.url, bases)
      if (path === undefined) continue
      const open = doc.source.indexOf('(', link.textEnd)
      if (open < 0 || open >= link.end) continue
      const at = open + 1 + (/^[ \t<]*/.exec(doc.source.slice(open + 1))?.[0].length ?? 0)
      if (!doc.source.startsWith(link.url, at)) continue
      out.push({ start: at, end: at + link.url.length, replacement: path, expected: path })
    }
    return out
  }
}

interface SiteBase {
  /** Host without a leading `www.`, in lower case. */
  readonly host: string
  /** The site's path ("/blog" for https://example.com/blog), without a trailing slash; "" at the root. */
  readonly path: string
}

function siteBase(address: string): SiteBase | undefined {
  try {
    const url = new URL(address)
    return { host: url.hostname.toLowerCase().replace(/^www\./, ''), path: url.pathname.replace(/\/+$/, '') }
  } catch {
    return undefined
  }
}

/**
 * The path (with query and fragment) of a URL under one of the sites, as written: a site
 * at https://example.com/blog owns /blog and what is under it, not the rest of the host.
 */
function sitePath(url: string, bases: readonly SiteBase[]): string | undefined {
  const m = /^https?:\/\/([^/?#\s]+)([^\s]*)$/i.exec(url)
  if (!m) return undefined
  const host = (m[1] as string).toLowerCase().replace(/^www\./, '')
  const rest = m[2] as string
  const path = rest === '' ? '/' : rest.startsWith('/') ? rest : `/${rest}`
  const owned = bases.some((b) => b.host === host && (b.path === '' || path === b.path || /^[/?#]/.test(path.slice(b.path.length)) && path.startsWith(b.path)))
  return owned ? path : undefined
}

export const ownSiteLinksCheck = defineCheck({
  name: 'own-site-links',
  summary: "links to the blog's own pages written with its address",
  options: {
    sites: wordList("The blog's own addresses (\"https://flink.apache.org\"), beside the config's `site:`."),
  },
  compile: (rule, env) => ownSiteLinks([...(rule.sites ?? []), ...env.sites]),
})
