import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/main.js'
import { DEFAULT_CONFIG } from '../../src/config/repo-config.js'
import { formatHouseStyle, parseHouseStyleText } from '../../src/config/house-style.js'
import { learnHouseStyle } from '../../src/house/learn-house-style.js'
import { createLinter } from '../../src/lint/linter.js'
import { assets, dictionary } from '../support/lint-assets.js'

const FIXTURE = join(import.meta.dirname, '..', '..', 'fixtures', 'house')
const blog = join(FIXTURE, 'content', 'blog')
const posts = readdirSync(blog).sort().map((f) => ({ path: f, source: readFileSync(join(blog, f), 'utf8') }))

describe('bluepencil learn: the house style of a blog, from its published posts', () => {
  it('learns Title Case headings, periods after list items, the fields every post has and where they live, and the names spelled one way', () => {
    expect(learnHouseStyle(posts, dictionary)).toEqual({
      headingCase: 'title',
      listItemPunctuation: 'period',
      frontMatter: { required: ['title', 'date', 'params.author'] },
      // ShardRing is one author's spelling; Linkerd is written "linkerd" once in 13 uses (under 95%).
      terms: ['QuickShard'],
    })
  })

  it('takes a term at 95% of its uses in 3 posts by 2 authors, and not below', () => {
    const post = (author: string, text: string): { path: string; source: string } => ({ path: `${author}.md`, source: `---\ntitle: T\nauthor: ${author}\n---\n\n${text}\n` })
    const many = (n: number): string => Array.from({ length: n }, () => 'We use Linkerd here.').join(' ')
    const learned = (variant: number, posts: number, authors: readonly string[]): readonly string[] | undefined =>
      learnHouseStyle([...Array.from({ length: posts }, (_, i) => post(authors[i % authors.length] as string, many(i === 0 ? 19 - (posts - 1) : 1))), post('zed', Array.from({ length: variant }, () => 'We use linkerd here.').join(' '))], dictionary).terms
    expect(learned(1, 3, ['ann', 'bob'])).toEqual(['Linkerd'])
    expect(learned(2, 3, ['ann', 'bob'])).toBeUndefined()
    // Two posts are not enough, nor three posts by one author.
    expect(learned(1, 2, ['ann', 'bob'])).toBeUndefined()
    expect(learned(1, 3, ['ann'])).toBeUndefined()
  })

  it('learns the section headings a sentence-case blog reuses, written one way in 3 posts by 2 authors, and keeps them', () => {
    const post = (author: string, headings: readonly string[]): { path: string; source: string } => ({
      path: `${author}-${headings.length}.md`,
      source: `---\ntitle: T\nauthor: ${author}\n---\n\n${headings.map((h) => `## ${h}\n\nText.\n`).join('\n')}`,
    })
    const sentence = ['Set up the cluster', 'Run the first job', 'Read the logs']
    const posts = [
      post('ann', [...sentence, 'List of Contributors', 'Final Thoughts']),
      post('bob', [...sentence, 'List of  Contributors', 'Final Thoughts', 'Release Notes']),
      post('ann', [...sentence, 'List of Contributors', 'Final thoughts', 'Release Notes', 'Release Notes']),
      post('cyd', [...sentence, 'Final Thoughts']),
    ]
    // Final Thoughts: three posts, but a fourth writes it in sentence case; Release Notes: two posts.
    const house = learnHouseStyle(posts, dictionary)
    expect(house.headings).toEqual(['List of Contributors'])
    expect(learnHouseStyle(posts.map((p) => ({ ...p, source: p.source.replace(/author: \w+/, 'author: ann') })), dictionary).headings).toBeUndefined()
    const lint = (config = DEFAULT_CONFIG): string[] => {
      const result = createLinter({ assets, config }).linter.lint('p.md', posts[0]?.source ?? '')
      return result.kind === 'linted' ? result.findings.filter((f) => f.ruleId === 'heading-case').map((f) => f.actual) : []
    }
    expect(lint()).toEqual(['Contributors', 'Thoughts'])
    expect(lint({ ...DEFAULT_CONFIG, house })).toEqual(['Thoughts'])
    expect(parseHouseStyleText(formatHouseStyle(house, posts.length), 'house.yml')).toEqual({ house, errors: [] })
  })

  it('learns the words no dictionary knows that 3 posts by 2 authors write as written, never a common misspelling, and spelling accepts them', () => {
    const post = (author: string, text: string): { path: string; source: string } => ({ path: `${author}-${text.length}.md`, source: `---\ntitle: T\nauthor: ${author}\n---\n\nThe file metas grow. ${text}\n` })
    const posts = [post('ann', 'We seperate the sinks.'), post('bob', 'We seperate them.'), post('ann', 'Ann writes metas too, and seperate.')]
    expect(learnHouseStyle(posts, dictionary).vocabulary).toEqual(['metas'])
    expect(learnHouseStyle(posts.slice(0, 2), dictionary).vocabulary).toBeUndefined()
    const text = 'Two Flink talsk will be presented at the summit this spring.\n'
    const spelling = (house = {}): string[] => {
      const result = createLinter({ assets, config: { ...DEFAULT_CONFIG, house } }).linter.lint('p.md', text)
      return result.kind === 'linted' ? result.findings.filter((f) => f.ruleId === 'spelling').map((f) => f.actual) : []
    }
    expect(spelling()).toEqual(['talsk'])
    expect(spelling({ vocabulary: ['talsk'] })).toEqual([])
  })

  it('sets nothing the posts do not agree on', () => {
    const mixed = [
      { path: 'a.md', source: '## Set Up The Cluster\n\n## Run the first job\n\n## Read The Logs\n\n## Check the pods\n\n## Ship it today\n' },
      { path: 'b.md', source: 'No front matter here.\n' },
    ]
    expect(learnHouseStyle(mixed, dictionary)).toEqual({})
  })

  it('writes a file that reads back as the same house style, and names the line of a bad value', () => {
    const house = learnHouseStyle(posts, dictionary)
    const text = formatHouseStyle(house, posts.length)
    expect(text).toMatch(/^# The house style of this blog, learned by `bluepencil learn` from 5 published posts\./)
    expect(parseHouseStyleText(text, 'house.yml')).toEqual({ house, errors: [] })
    const bad = parseHouseStyleText('headingCase: title\nfrontMatter:\n  required: [title, "params author"]\ncolour: blue\n', '.github/bluepencil-house.yml')
    expect(bad.errors).toEqual([
      { file: '.github/bluepencil-house.yml', path: 'frontMatter.required.1', message: 'must be a field name, with dots for nested fields (params.author)', line: 3 },
      { file: '.github/bluepencil-house.yml', path: 'colour', message: 'unknown field', line: 4 },
    ])
  })
})

describe('the house style applied', () => {
  const post = '---\ntitle: A Post\ndate: 2024-06-01\n---\n\nWe run the cluster.\n\n## Set up the cluster\n\nIt runs.\n\n## Watch the logs\n\nThey scroll.\n\n## Read The Dashboard\n\nIt shows the rate. We built QuickShard, and quickshard splits the load.\n'
  const lint = (config = DEFAULT_CONFIG): string[] => {
    const result = createLinter({ assets, config }).linter.lint('content/blog/post.md', post)
    if (result.kind !== 'linted') throw new Error('not linted')
    return result.findings.map((f) => `${f.ruleId}: ${f.actual} -> ${f.expected[0] ?? ''}`)
  }

  it('front-matter requires the learned fields, nested ones included; learned names are kept as written; Title Case headings are the house style', () => {
    const without = lint()
    expect(without).toContain('heading-case: The Dashboard -> the dashboard')
    const house = learnHouseStyle(posts, dictionary)
    const withHouse = lint({ ...DEFAULT_CONFIG, house })
    expect(withHouse).toContain('front-matter: --- -> params.author')
    // A learned name is protected, not enforced: the minority spelling is the maintainer's call (terms: in the config).
    expect(withHouse.filter((f) => f.endsWith('-> QuickShard') || f.includes('QuickShard ->'))).toEqual([])
    expect(withHouse.filter((f) => f.startsWith('heading-case'))).toEqual([])
    // The repository's own config wins over the learned style.
    expect(createLinter({ assets, config: { ...DEFAULT_CONFIG, house, rules: { 'heading-case': 'suggestion' } } }).linter.rules.some((r) => r.id === 'heading-case')).toBe(true)
  })
})

describe('bluepencil learn, the command', () => {
  let dir: string | undefined
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('writes .github/bluepencil-house.yml from the posts, and lint reads it like the config', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bluepencil-learn-'))
    cpSync(FIXTURE, dir, { recursive: true })
    const out: string[] = []
    const io = { stdout: (t: string) => void out.push(t), stderr: (t: string) => void out.push(t), cwd: dir }
    expect(await runCli(['learn', 'content/blog'], io)).toBe(0)
    expect(out.join('')).toContain('Learned from 5 posts: headings in title case, list items end with a period, 3 front-matter fields every post has, 1 terms.')
    const written = parseHouseStyleText(readFileSync(join(dir, '.github', 'bluepencil-house.yml'), 'utf8'), 'house.yml')
    expect(written).toEqual({ house: learnHouseStyle(posts, dictionary), errors: [] })

    cpSync(join(FIXTURE, 'content', 'blog', '2024-04-gateway.md'), join(dir, 'content', 'blog', 'new.md'))
    const lintOut: string[] = []
    const lintIo = { ...io, stdout: (t: string) => void lintOut.push(t) }
    await runCli(['lint', '--format', 'json', 'content/blog/new.md'], lintIo)
    const findings = JSON.parse(lintOut.join('')) as { ruleId: string; actual: string }[]
    // "linkerd" is not a learned term (under 95%), QuickShard is, and no heading is lowered.
    expect(findings.filter((f) => f.ruleId === 'heading-case')).toEqual([])
  })

  it('names a file it cannot write', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bluepencil-learn-'))
    cpSync(FIXTURE, dir, { recursive: true })
    const err: string[] = []
    const io = { stdout: () => undefined, stderr: (t: string) => void err.push(t), cwd: dir }
    expect(await runCli(['learn', 'content/blog', '--output', 'README.md/house.yml'], io)).toBe(2)
    expect(err.join('')).toMatch(/^bluepencil: README\.md\/house\.yml: cannot write the house style/)
  })
})
