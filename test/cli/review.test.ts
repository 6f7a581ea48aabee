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
})
