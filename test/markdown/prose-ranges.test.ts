import { describe, expect, it } from 'vitest'
import { PLACEHOLDER } from '../../src/markdown/align-text.js'
import { readFrontMatter } from '../../src/markdown/front-matter.js'
import { parseMarkdown } from '../../src/markdown/parse.js'
import { collectProse } from '../../src/markdown/prose-ranges.js'

const prose = (source: string) => collectProse(parseMarkdown(source), source)
const texts = (source: string) => prose(source).map((r) => [r.scope, r.text.replaceAll(PLACEHOLDER, '·')])

describe('prose ranges', () => {
  it('keep code, inline code, HTML, URLs and autolinks out of prose', () => {
    const source = [
      'Use `in order to` here and <span>utilize</span> that.',
      '',
      '```',
      'utilize the the code',
      '```',
      '',
      '    indented utilize',
      '',
      '<!-- utilize in a comment -->',
      '',
      'See https://example.com/utilize and <https://example.org>.',
    ].join('\n')
    expect(texts(source)).toEqual([
      ['paragraph', 'Use · here and ·utilize· that.'],
      ['paragraph', 'See · and ·.'],
    ])
  })

  it('keep link text and image alt text, but not link destinations', () => {
    expect(texts('Read [the guide](https://x.dev/guide "Title") and ![a diagram](d.png).')).toEqual([
      ['alt', 'a diagram'],
      ['paragraph', 'Read the guide and ·.'],
      ['link', 'the guide'],
    ])
  })

  it('mask Hugo and Jekyll shortcodes', () => {
    expect(texts('Before {{< highlight java >}} and {% include note.html %} after.')).toEqual([['paragraph', 'Before ' + '·'.repeat(22) + ' and ' + '·'.repeat(23) + ' after.']])
  })

  it('treat code inside highlight template tags as code', () => {
    const source = 'Intro text.\n\n{% highlight java %}\nRandom random;\n\nStringBuilder builder;\n{% endhighlight %}\n\n{{< highlight go >}}\nthe the\n{{< /highlight >}}\n\nOutro 😀 text.\n'
    const visible = texts(source).map(([, t]) => (t ?? '').replace(/·+/g, '·'))
    expect(visible).toEqual(['Intro text.', '·', '·', '·', 'Outro 😀 text.'])
  })

  it('map every prose character back to the same character of the source', () => {
    const source = '- **Lead:** item that wraps\n  onto a second line\n\n> quoted *emphasis*\n> continues\n\n| a | b |\n|---|---|\n| cell one | cell two |\n'
    for (const range of prose(source)) {
      range.offsets.forEach((offset, i) => {
        if (offset >= 0) expect(source[offset]).toBe(range.text[i])
      })
    }
    expect(texts(source)).toEqual([
      ['list', 'Lead: item that wraps\nonto a second line'],
      ['blockquote', 'quoted emphasis\ncontinues'],
      ['table', 'a'], ['table', 'b'], ['table', 'cell one'], ['table', 'cell two'],
    ])
  })

  it('record bold lead-ins and list positions for list rules', () => {
    const [first, second] = prose('1. **For stateful jobs:** Potential loss\n2. **Other**: data\n')
    expect(first).toMatchObject({ leadInEnd: 18, list: { itemIndex: 0, itemCount: 2, ordered: true } })
    expect(second).toMatchObject({ leadInEnd: 6, list: { itemIndex: 1 } })
  })

  it('read front matter fields with their source positions, and skip front matter as prose', () => {
    const source = '---\ntitle: "Scaling Beam."\ndate: 2023-12-18\n---\n\nBody text.\n'
    const tree = parseMarkdown(source)
    expect(texts(source)).toEqual([['paragraph', 'Body text.']])
    const fm = readFrontMatter(tree, source)
    expect(fm?.fields.map((f) => f.name)).toEqual(['title', 'date'])
    expect(fm?.ranges[0]).toMatchObject({ field: 'title', text: 'Scaling Beam.' })
    expect(source.slice(fm?.ranges[0]?.offsets[0], (fm?.ranges[0]?.offsets[12] ?? 0) + 1)).toBe('Scaling Beam.')
  })
})
