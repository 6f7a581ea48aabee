import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../src/markdown/parse.js'

// What parseMarkdown must equal: remark with the same plugins, untouched.
const plain = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm)

const fixtures = new URL('../../fixtures/', import.meta.url)
const posts = readdirSync(fixtures, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'))

const piece = fc.constantFrom(
  'https://flink.apache.org/a_b?x=1.',
  'www.example.com/path)',
  'HTTP://EXAMPLE.ORG',
  'mail me@example.com, or mailto:me@example.com',
  'xmpp:me@example.com/home',
  '[a link https://x.dev](https://y.dev)',
  '[ref www.x.dev][r]\n\n[r]: https://r.dev',
  '*emphasised https://x.dev/*',
  '**bold www.x.dev**',
  '~~gone me@x.dev~~',
  '`code https://x.dev`',
  '<https://angled.dev>',
  'user@host',
  'a@b.c.',
  'text',
  '\n',
  '| https://x.dev | me@x.dev |\n|---|---|\n| www.x.dev | y |',
  '# Heading https://x.dev',
  '> quoted www.x.dev',
  '- item me@x.dev',
  '[^1]\n\n[^1]: note https://x.dev',
  '![alt https://x.dev](i.png)',
)
const document = fc.array(fc.oneof(piece, fc.string({ maxLength: 8 })), { maxLength: 12 }).map((parts) => parts.join(' '))

describe('parseMarkdown', () => {
  it('gives the same tree as plain remark-gfm on the bundled posts', () => {
    expect(posts.length).toBeGreaterThan(0)
    for (const post of posts) {
      const source = readFileSync(new URL(post, fixtures), 'utf8')
      expect(parseMarkdown(source)).toEqual(plain.parse(source))
    }
  })

  it('gives the same tree as plain remark-gfm around literal URLs and addresses', () => {
    fc.assert(
      fc.property(document, (source) => {
        expect(parseMarkdown(source)).toEqual(plain.parse(source))
      }),
      { numRuns: 1500 },
    )
  })
})
