import type { LinkInfo, ProseDoc, ProseRange } from '../../markdown/prose-doc.js'
import type { RuleMatch } from '../rule-match.js'

/**
 * `[text] (url)`: the space after `]` makes Markdown show the brackets and the URL as
 * text. Only a target that reads as a link (a scheme, `www.`, a path or an anchor, no
 * space inside) counts, so "[x] (optional)" in a task list is left alone.
 */
const SPACED_LINK = /\[[^[\]\n]*[^\s[\]][^[\]\n]*\]([ \t]+)\(/g
const LINK_TARGET = /^(?:[a-z][a-z0-9+.-]*:|www\.|\.{0,2}\/|#)[^\s()]*(?:\s+"[^"\n]*")?\)/i

export function spacedLinks(doc: ProseDoc): RuleMatch[] {
  const out: RuleMatch[] = []
  for (const range of doc.ranges) {
    if (range.scope === 'frontmatter' || !range.text.includes('] ')) continue
    for (const m of range.text.matchAll(SPACED_LINK)) {
      const spaceStart = (m.index ?? 0) + m[0].length - 1 - (m[1] as string).length
      const spaceEnd = spaceStart + (m[1] as string).length
      const at = sourceSpan(range, spaceStart, spaceEnd)
      if (!at) continue
      // The target is in the source (an autolinked URL is a placeholder in the text).
      if (!LINK_TARGET.test(doc.source.slice(at.end + 1, at.end + 2049))) continue
      out.push({ range, start: spaceStart, end: spaceEnd, replacement: '' })
    }
  }
  return out
}

/**
 * Link text that starts or ends with a space: the underline runs over it, and when the
 * space is all that separates the link from the next word ("Flink's[ delta
 * iterations](url)"), the words run together. The fix moves the space outside,
 * one finding per link.
 */
export function paddedLinkText(doc: ProseDoc): RuleMatch[] {
  const out: RuleMatch[] = []
  for (const link of doc.links) {
    if (link.bare || link.textEnd === undefined || doc.source[link.start] !== '[' || doc.source[link.textEnd] !== ']') continue
    const text = doc.source.slice(link.start + 1, link.textEnd)
    if (text.trim() === '' || text.includes('\n')) continue
    const lead = /^[ \t]+/.exec(text)?.[0].length ?? 0
    const trail = /[ \t]+$/.exec(text)?.[0].length ?? 0
    if (lead === 0 && trail === 0) continue
    const before = lead > 0 && /\S/.test(doc.source[link.start - 1] ?? '\n') ? ' ' : ''
    const after = trail > 0 && /[\p{L}\p{N}]/u.test(doc.source[link.end] ?? '\n') ? ' ' : ''
    const replacement = `${before}[${text.trim()}${doc.source.slice(link.textEnd, link.end)}${after}`
    out.push({ start: link.start, end: link.end, replacement })
  }
  return out
}

/**
 * A link target that is a host name without a scheme ("www.example.com/docs",
 * "github.com/org/repo") is read as a path on the blog's own site and leads nowhere.
 */
const SCHEMELESS = /^(?:www\.[a-z0-9-]+|(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|ai|app|cloud|co|me|sh|info|edu|gov|tech|xyz))(?::\d+)?(?:[/?#]|$)/i

export function schemelessTargets(doc: ProseDoc): RuleMatch[] {
  const out: RuleMatch[] = []
  for (const link of doc.links) {
    if (link.bare || !SCHEMELESS.test(link.url)) continue
    const at = inlineTargetAt(doc.source, link)
    if (at === undefined) continue
    out.push({ start: at, end: at + link.url.length, replacement: `https://${link.url}`, expected: `https://${link.url}` })
  }
  return out
}

/**
 * Source offset of an inline link's target where it is written as parsed (after `](`
 * and any `<`); undefined for a reference link, or a target written otherwise (escaped,
 * encoded), which a fix could not replace as is.
 */
export function inlineTargetAt(source: string, link: LinkInfo): number | undefined {
  if (link.textEnd === undefined) return undefined
  const open = source.indexOf('(', link.textEnd)
  if (open < 0 || open >= link.end) return undefined
  const at = open + 1 + (/^[ \t<]*/.exec(source.slice(open + 1))?.[0].length ?? 0)
  return source.startsWith(link.url, at) ? at : undefined
}

/** Source offsets of a run of range text, if every character maps to the source in order. */
function sourceSpan(range: ProseRange, start: number, end: number): { start: number; end: number } | undefined {
  const first = range.offsets[start] ?? -1
  if (first < 0) return undefined
  for (let i = start + 1; i < end; i++) if (range.offsets[i] !== first + (i - start)) return undefined
  return { start: first, end: first + (end - start) }
}
