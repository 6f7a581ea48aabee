import { PLACEHOLDER } from './align-text.js'
import type { ProseRange } from './prose-doc.js'

// Code wrapped in template tags, which Markdown parses as paragraphs:
// {% highlight java %}...{% endhighlight %}, {{< highlight go >}}...{{< /highlight >}};
// and comments ({{< comment >}}...{{< /comment >}}, {% comment %}), which never render.
const CODE_SHORTCODE = /\{%-?\s*(highlight|raw|codeblock|comment)\b[\s\S]*?\{%-?\s*end\1\s*-?%\}|\{\{[<%]\s*(highlight|code|codeblock|raw|comment)\b[\s\S]*?\{\{[<%]\s*\/\s*\2\s*[>%]\}\}/g

/** Source spans of code held in template tags. */
export function codeShortcodeRegions(source: string): [number, number][] {
  if (!source.includes('{%') && !source.includes('{{')) return []
  return [...source.matchAll(CODE_SHORTCODE)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length])
}

/** Turns the prose inside code regions into placeholders, so no rule reads or rewrites it. */
export function maskRegions(range: ProseRange, regions: readonly [number, number][]): ProseRange {
  let text: string[] | undefined
  range.offsets.forEach((offset, i) => {
    if (offset < 0 || !regions.some(([s, e]) => offset >= s && offset < e)) return
    text ??= range.text.split('')
    text[i] = PLACEHOLDER
    range.offsets[i] = -1
  })
  return text ? { ...range, text: text.join('') } : range
}

// Inline template tags: {{< ref "x" >}}, {{% param %}}, {% include x.html %}, {{ .Site.Title }}.
const SHORTCODE = /\{\{[<%][\s\S]*?[%>]\}\}|\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g

/** Hugo and Jekyll shortcodes are template code, not prose: masked in the text, unmapped in the offsets. */
export function maskShortcodes(text: string, offsets: Int32Array): string {
  if (!text.includes('{')) return text
  return text.replace(SHORTCODE, (match, index: number) => {
    offsets.fill(-1, index, index + match.length)
    return PLACEHOLDER.repeat(match.length)
  })
}
