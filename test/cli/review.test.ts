import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/main.js'

function repoWithPullRequest(): string {
  const repo = mkdtempSync(join(tmpdir(), 'bluepencil-review-'))
  const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { stdio: 'ignore' })
  git('init', '-q', '-b', 'main')
  mkdirSync(join(repo, 'blog'))
  writeFileSync(join(repo, 'blog', 'post.md'), '# Post\n\nThe job reads the the topic.\n\nIt scales well.\n')
  git('add', '-A')
  git('commit', '-q', '-m', 'base')
  writeFileSync(join(repo, 'blog', 'post.md'), '# Post\n\nThe job reads the the topic.\n\nIn order to scale, we utilize ```more``` workers.\n')
  writeFileSync(join(repo, 'notes.md'), 'We utilize this file outside the blog.\n')
  git('add', '-A')
  git('commit', '-q', '-m', 'head')
  return repo
}

/** A throw-away repository with one commit of these files on main; returns a git runner. */
function repoWith(files: Record<string, string>): { repo: string; git: (...args: string[]) => string; write: (files: Record<string, string>) => void } {
  const repo = mkdtempSync(join(tmpdir(), 'bluepencil-review-'))
  const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { encoding: 'utf8' })
  const write = (more: Record<string, string>) => {
    for (const [path, text] of Object.entries(more)) {
      mkdirSync(join(repo, path, '..'), { recursive: true })
      writeFileSync(join(repo, path), text)
    }
  }
  git('init', '-q', '-b', 'main')
  write(files)
  git('add', '-A')
  git('commit', '-q', '-m', 'base')
  return { repo, git, write }
}

async function review(repo: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(['review', '--repo', repo, ...args], { cwd: repo, stdout: (t) => (out += t), stderr: (t) => (err += t) })
  return { code, out, err }
}

const paragraphs = ['# Post', '', 'We utilize the cache.', '', 'It scales well.', '', 'The end.', ''].join('\n')

describe('bluepencil review', () => {
  it('previews comments only on added lines of blog posts, and lists what it leaves alone', async () => {
    const repo = repoWithPullRequest()
    let out = ''
    const code = await runCli(['review', '--repo', repo, '--base', 'HEAD~1'], { cwd: repo, stdout: (t) => (out += t), stderr: (t) => (out += t) })
    expect(out).toMatch(/^The app would post one review \(event COMMENT, commit [0-9a-f]{12}\) with 1 line comment\./)
    expect(out).toContain('Comment 1 of 1: blog/post.md, line 5 (RIGHT side)')
    // The fence outgrows the triple backticks in the line, and both edits share one suggestion.
    expect(out).toContain('````suggestion\nTo scale, we use ```more``` workers.\n````')
    expect(out).toContain('Not posted: 1 finding on lines the pull request did not change')
    expect(out).toMatch(/blog\/post\.md:3:\d+ {2}error {2}`the` is repeated\. {2}repeated-words/)
    expect(out).not.toContain('notes.md')
    expect(code).toBe(1)
  })

  it('names a revision git does not know, with exit code 2', async () => {
    const repo = repoWithPullRequest()
    let err = ''
    const code = await runCli(['review', '--repo', repo, '--base', 'no-such-rev'], { cwd: repo, stdout: () => undefined, stderr: (t) => (err += t) })
    expect(code).toBe(2)
    expect(err).toContain('no-such-rev')
  })

  it('diffs from the merge base, as GitHub does, when the base branch moved on', async () => {
    const { repo, git, write } = repoWith({ 'blog/post.md': paragraphs })
    git('checkout', '-q', '-b', 'feature')
    write({ 'blog/post.md': paragraphs.replace('It scales well.', 'In order to scale, it scales well.') })
    git('commit', '-q', '-am', 'feature')
    git('checkout', '-q', 'main')
    write({ 'blog/post.md': paragraphs.replace('We utilize the cache.', 'We use the cache.') })
    git('commit', '-q', '-am', 'main fixes line 3')
    const { out } = await review(repo, '--base', 'main', '--head', 'feature')
    // Line 3 still reads "utilize" on the branch, but the pull request did not write it.
    expect(out).toContain('with 1 line comment.')
    expect(out).toContain('Comment 1 of 1: blog/post.md, line 5 (RIGHT side)')
    expect(out).toMatch(/Not posted: 1 finding on lines the pull request did not change\n.*\nblog\/post\.md:3:/)
  })

  it('reviews only the changed lines of a renamed post', async () => {
    const long = `${paragraphs}${Array.from({ length: 12 }, (_, i) => `Paragraph ${i} is plain.\n`).join('\n')}`
    const { repo, git, write } = repoWith({ 'blog/old.md': long })
    git('mv', 'blog/old.md', 'blog/new.md')
    write({ 'blog/new.md': long.replace('The end.', 'In order to end, the end.') })
    git('commit', '-q', '-am', 'rename and edit')
    const { out } = await review(repo, '--base', 'HEAD~1')
    expect(out).toContain('Comment 1 of 1: blog/new.md, line 7 (RIGHT side)')
    expect(out).not.toMatch(/Comment \d+ of \d+: blog\/new\.md, line 3 /)
  })

  it('names the file and line of an invalid config on the base branch, with exit code 2', async () => {
    const { repo, git, write } = repoWith({ 'blog/post.md': paragraphs, '.github/bluepencil.yml': 'maxComments: 5\nfilter: everything\n' })
    write({ 'blog/post.md': `${paragraphs}We utilize more.\n` })
    git('commit', '-q', '-am', 'edit')
    const { code, out } = await review(repo, '--base', 'HEAD~1')
    expect(code).toBe(2)
    expect(out).toContain('The configuration is invalid: the app would post no review.')
    expect(out).toMatch(/\.github\/bluepencil\.yml:2.*filter/)
  })
})
