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
  const hosts = new Set(sites.flatMap((s) => hostOf(s) ?? []))
  return (doc) => {
    if (hosts.size === 0) return []
    const out: RuleMatch[] = []
    for (const link of doc.links) {
      if (link.bare || link.textEnd === undefined) continue
      const path = sitePath(link.url, hosts)
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

/** The host of a site address, without a leading `www.`, in lower case. */
function hostOf(address: string): string | undefined {
  try {
    return new URL(address).hostname.toLowerCase().replace(/^www\./, '')
  } catch {
    return undefined
  }
}

/** The path (with query and fragment) of a URL on one of the hosts, as written. */
function sitePath(url: string, hosts: ReadonlySet<string>): string | undefined {
  const m = /^https?:\/\/([^/?#\s]+)([^\s]*)$/i.exec(url)
  if (!m) return undefined
  const host = (m[1] as string).toLowerCase().replace(/^www\./, '')
  if (!hosts.has(host)) return undefined
  const rest = m[2] as string
  return rest === '' ? '/' : rest.startsWith('/') ? rest : `/${rest}`
}

export const ownSiteLinksCheck = defineCheck({
  name: 'own-site-links',
  summary: "links to the blog's own pages written with its address",
  options: {
    sites: wordList("The blog's own addresses (\"https://flink.apache.org\"), beside the config's `site:`."),
  },
  compile: (rule, env) => ownSiteLinks([...(rule.sites ?? []), ...env.sites]),
})
