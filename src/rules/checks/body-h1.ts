import type { ProseDoc } from '../../markdown/prose-doc.js'
import type { RuleMatch } from '../rule-match.js'
import { defineCheck } from '../kinds/kind.js'

const normalise = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()

/**
 * Themes render the front-matter title as the page's H1, so a post's first heading at
 * level 1 that restates it in other words (two thirds or more of the title's words, as
 * a draft's working title or a series name does) is a second title. Other H1s are sections written
 * at the title's level, which some blogs do on purpose, so they are left alone; an H1
 * that repeats the title word for word is the title-heading rule's.
 */
function bodyH1(doc: ProseDoc): RuleMatch[] {
  const title = doc.frontMatter?.fields.find((f) => f.name === 'title')?.value
  if (typeof title !== 'string') return []
  const titleWords = contentWords(title)
  if (titleWords.size < 2) return []
  const first = doc.headings[0]
  if (!first || first.depth !== 1 || normalise(first.text) === normalise(title)) return []
  const shared = [...contentWords(first.text)].filter((w) => titleWords.has(w)).length
  return shared >= 2 && shared * 3 >= titleWords.size * 2 ? [{ start: first.start, end: first.end }] : []
}

const MINOR = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'from', 'is', 'are', 'how', 'what', 'why', 'part'])

function contentWords(text: string): Set<string> {
  return new Set(normalise(text).split(' ').filter((w) => w !== '' && !MINOR.has(w)))
}

export const bodyH1Check = defineCheck({
  name: 'body-h1',
  summary: 'a first H1 restating the front-matter title in other words',
  options: {},
  compile: () => bodyH1,
})
