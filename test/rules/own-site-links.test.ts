import { describe, expect, it } from 'vitest'
import { parseRepoConfigText } from '../../src/config/repo-config.js'
import { createLinter } from '../../src/lint/linter.js'
import { assets } from '../support/lint-assets.js'

const post = (body: string): string => `---\ntitle: A post\ndate: 2024-01-02\n---\n\n${body}\n`

/** The own-site-links findings of a post, as "line: written -> path". */
function ownLinks(configText: string, body: string): string[] {
  const { config, errors } = parseRepoConfigText(configText, '.github/bluepencil.yml')
  expect(errors).toEqual([])
  const { linter } = createLinter({ assets, config })
  const result = linter.lint('blog/post.md', post(body))
  if (result.kind !== 'linted') throw new Error('the post was not linted')
  return result.findings.filter((f) => f.ruleId === 'own-site-links').map((f) => `${f.span.start.line}: ${f.actual} -> ${f.expected[0]}`)
}

describe("links to the blog's own pages", () => {
  it('are written as the path, with query and fragment, for the site and its www. and http forms', () => {
    const body = 'See [the release](https://flink.apache.org/2020/10/15/release.html#notes), [home](http://www.flink.apache.org) and [docs](https://nightlies.apache.org/flink/).'
    expect(ownLinks('site: https://flink.apache.org\n', body)).toEqual([
      '6: https://flink.apache.org/2020/10/15/release.html#notes -> /2020/10/15/release.html#notes',
      '6: http://www.flink.apache.org -> /',
    ])
  })

  it('for a site under a path, are the links under that path only', () => {
    const body = 'Read [a post](https://example.com/blog/2020/post/), [the blog](https://example.com/blog) and [the API](https://example.com/api/v1), [blogs](https://example.com/blogroll).'
    expect(ownLinks('site: https://example.com/blog/\n', body)).toEqual([
      '6: https://example.com/blog/2020/post/ -> /blog/2020/post/',
      '6: https://example.com/blog -> /blog',
    ])
  })

  it('leave bare URLs, code and other hosts alone, and find nothing without a site', () => {
    const body = 'Visit https://flink.apache.org/x or <https://flink.apache.org/y>, run `curl https://flink.apache.org/z`, read [a post](https://flink.apache.org.evil.com/a).'
    expect(ownLinks('site: [https://flink.apache.org]\n', body)).toEqual([])
    expect(ownLinks('rules: {}\n', 'See [the release](https://flink.apache.org/2020/release.html).')).toEqual([])
  })

  it('take a site address with its scheme only, naming the file and line of a wrong one', () => {
    const { errors } = parseRepoConfigText('drafts: true\nsite: flink.apache.org\n', '.github/bluepencil.yml')
    expect(errors).toHaveLength(1)
    expect(errors[0]?.file).toBe('.github/bluepencil.yml')
    expect(errors[0]?.line).toBe(2)
    expect(errors[0]?.message).toContain('https://example.com')
  })
})
