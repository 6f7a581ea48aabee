import type { ProseDoc } from '../../markdown/prose-doc.js'
import type { RuleMatch } from '../rule-match.js'
import { wordList } from './common-fields.js'
import { defineKind, type KindOptions } from './kind.js'

const options = {
  required: wordList('Fields a post must have; an entry may list alternatives ("authors|author").'),
  dates: wordList('Fields that must hold a date.'),
  noTrailingPeriod: wordList('Fields that must not end with a period.'),
}

// Jekyll dates a post by its file name (`_posts/2023-12-18-title.md`); `date:` then only overrides it.
const FILE_NAME_DATE = /(?:^|\/)\d{4}-\d{2}-\d{2}-[^/]*$/

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * The fields a blog needs. `required` entries may list alternatives ("authors|author").
 * A post without front matter is not checked: not every blog keeps metadata there.
 */
export function frontMatter(rule: KindOptions<typeof options>): (doc: ProseDoc) => RuleMatch[] {
  return (doc) => {
    const fm = doc.frontMatter
    if (!fm) return []
    const out: RuleMatch[] = []
    const byName = new Map(fm.fields.map((f) => [f.name, f]))
    const datedByFileName = doc.path !== undefined && FILE_NAME_DATE.test(doc.path)
    for (const spec of rule.required ?? []) {
      const names = spec.split('|')
      if (datedByFileName && names.some((n) => rule.dates?.includes(n))) continue
      const present = names.some((n) => {
        const v = valueAt(byName, n)
        return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)
      })
      if (!present) out.push({ start: fm.start, end: fm.start + 3, expected: names[0] ?? spec })
    }
    for (const name of rule.dates ?? []) {
      const field = byName.get(name)
      if (!field) continue
      const value = field.value instanceof Date ? field.value.toISOString() : String(field.value)
      if (!ISO_DATE.test(value.trim()) && Number.isNaN(Date.parse(value))) out.push({ start: field.start, end: field.end, expected: name })
    }
    for (const name of rule.noTrailingPeriod ?? []) {
      const field = byName.get(name)
      if (!field || typeof field.value !== 'string') continue
      const quoted = /^["']/.test(doc.source.slice(field.start, field.start + 1))
      const contentEnd = quoted ? field.end - 1 : field.end
      const trimmed = doc.source.slice(field.start, contentEnd).trimEnd()
      const periodAt = field.start + trimmed.length - 1
      // A title of two sentences ("Contributing? Here's how I did it.") ends like a sentence.
      const severalSentences = /[.!?]\s+\S/.test(trimmed.slice(0, -1))
      if (trimmed.endsWith('.') && !trimmed.endsWith('..') && !severalSentences) out.push({ start: periodAt, end: periodAt + 1, replacement: '', expected: name })
    }
    return out
  }
}

/** A field's value; `params.author` reads `author` inside the `params` map (Hugo). */
function valueAt(byName: ReadonlyMap<string, { readonly value: unknown }>, path: string): unknown {
  const [top, ...rest] = path.split('.')
  let value: unknown = byName.get(top ?? '')?.value
  for (const key of rest) value = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined
  return value
}

export const frontMatterKind = defineKind({
  name: 'front-matter',
  summary: 'missing or malformed front-matter fields (title, date, authors)',
  options,
  compile: (rule) => frontMatter(rule),
})
