import type { ProseDoc } from '../../markdown/prose-doc.js'
import type { RuleMatch } from '../rule-match.js'
import { wordList } from '../kinds/common-fields.js'
import { defineCheck } from '../kinds/kind.js'
import { inlineTargetAt } from './link-syntax.js'

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
      if (link.bare) continue
      const path = sitePath(link.url, bases)
      const at = path === undefined ? undefined : inlineTargetAt(doc.source, link)
      if (path === undefined || at === undefined) continue
      out.push({ start: at, end: at + link.url.length, replacement: path, expected: path })
    }
    return out
  }
}

interface SiteBase {
  /** Host as bareHost gives it. */
  readonly host: string
  /** The site's path ("/blog" for https://example.com/blog), without a trailing slash; "" at the root. */
  readonly path: string
}

function siteBase(address: string): SiteBase | undefined {
  try {
    const url = new URL(address)
    return { host: bareHost(url.hostname), path: url.pathname.replace(/\/+$/, '') }
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
  const host = bareHost(m[1] as string)
  const rest = m[2] as string
  const path = rest === '' ? '/' : rest.startsWith('/') ? rest : `/${rest}`
  const under = (base: string): boolean => base === '' || path === base || (path.startsWith(base) && /^[/?#]/.test(path.slice(base.length)))
  return bases.some((b) => b.host === host && under(b.path)) ? path : undefined
}

/** A host as compared: lower case, without a leading `www.`. */
function bareHost(host: string): string {
  return host.toLowerCase().replace(/^www\./, '')
}

export const ownSiteLinksCheck = defineCheck({
  name: 'own-site-links',
  summary: "links to the blog's own pages written with its address",
  options: {
    sites: wordList("The blog's own addresses (\"https://flink.apache.org\"), beside the config's `site:`."),
  },
  compile: (rule, env) => ownSiteLinks([...(rule.sites ?? []), ...env.sites]),
})
