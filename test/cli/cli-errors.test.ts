import { spawnSync } from 'node:child_process'
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCliIn as run } from '../support/run-cli.js'
import { writeIfUnchanged } from '../../src/cli/write-if-unchanged.js'
import { hostilePosts } from '../support/hostile-posts.js'

const seed = new URL('../../fixtures/posts/beam-flink-part2.md', import.meta.url)
const bin = new URL('../../bin/bluepencil.js', import.meta.url).pathname

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bluepencil-cli-errors-'))
  chmodSync(dir, 0o755)
  mkdirSync(join(dir, 'blog'))
  cpSync(seed, join(dir, 'blog', 'post.md'))
  mkdirSync(join(dir, 'rules'))
  writeFileSync(
    join(dir, 'rules', 'no-foo.yml'),
    'extends: substitution\nmessage: "Write `{expected}` here."\nlevel: error\nswap:\n  foo: bar\nexamples:\n  - bad: We use foo.\n    fixed: We use bar.\n  - bad: Foo works.\n    fixed: Bar works.\n  - good: We use bar.\n  - good: We use food.\n',
  )
  return dir
}

/**
 * The built CLI as its own process, as a user without root's right to read and write
 * anything: file permissions only stop someone else (these machines run tests as root).
 */
function runUnprivileged(args: string[], cwd: string) {
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', ...asNobody })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('usage, I/O and config problems exit 2 with a message naming the path', () => {
  it('--rules with a missing folder or a file', async () => {
    const dir = workspace()
    const missing = await run(['lint', '--rules', 'nope', 'blog/post.md'], dir)
    expect(missing).toMatchObject({ code: 2, stdout: '', stderr: 'bluepencil: --rules nope: no such rule folder\n' })
    const file = await run(['lint', '--rules', 'blog/post.md', 'blog/post.md'], dir)
    expect(file.code).toBe(2)
    expect(file.stderr).toBe('bluepencil: --rules blog/post.md: not a folder (rule files are read from a folder of .yml files)\n')
  })

  it('--rules takes one folder, so a post after it is linted, not read as rules', async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'blog', 'foo.md'), 'We use foo here.\n')
    const { code, stdout } = await run(['lint', '--format', 'json', '--rules', 'rules', 'blog/foo.md'], dir)
    expect((JSON.parse(stdout) as { path: string; ruleId: string }[]).map((f) => [f.path, f.ruleId])).toEqual([['blog/foo.md', 'no-foo']])
    expect(code).toBe(1)
    const twice = await run(['lint', '--format', 'json', '-r', 'rules', '-r', 'rules', 'blog/foo.md'], dir)
    expect(twice.code).toBe(1)
  })

  it('an invalid rule file in a --rules folder is named with its line and left off; the other rules still run, and the exit code is 2', async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'rules', 'broken.yml'), 'extends: existence\nmessage: "Avoid {actual}."\ntokens: 12\nlevel: loud\n')
    writeFileSync(join(dir, 'blog', 'foo.md'), 'We use foo here, and we utilize it.\n')
    const { code, stdout, stderr } = await run(['lint', '--format', 'json', '--rules', 'rules', 'blog/foo.md'], dir)
    // The folder's valid rule and the bundled ones reviewed the post.
    expect((JSON.parse(stdout) as { ruleId: string }[]).map((f) => f.ruleId)).toEqual(['no-foo', 'wordiness'])
    expect(stderr).toContain(`${join(dir, 'rules', 'broken.yml')}:3: tokens: expected array\n`)
    expect(stderr).toContain(`${join(dir, 'rules', 'broken.yml')}:4: level: must be one of: error, warning, suggestion\n`)
    expect(stderr).toContain('bluepencil: rule problems in rules/broken.yml (see above): the rules they concern are off; the other rules checked the posts.\n')
    expect(code).toBe(2)
    // A repository rule whose examples fail is off too, as in the app's check run.
    writeFileSync(join(dir, 'rules', 'broken.yml'), 'extends: existence\nmessage: "Avoid {actual}."\ntokens: [basically]\nexamples:\n  - bad: It works.\n  - bad: Basically.\n  - good: Done.\n  - good: Fine.\n')
    writeFileSync(join(dir, 'blog', 'foo.md'), 'It is basically foo.\n')
    const failing = await run(['lint', '--format', 'json', '--rules', 'rules', 'blog/foo.md'], dir)
    expect((JSON.parse(failing.stdout) as { ruleId: string }[]).map((f) => f.ruleId)).toEqual(['no-foo'])
    expect(failing.stderr).toMatch(/broken\.yml:\d+: examples.*\(the rule is off until its examples pass\)/)
    expect(failing.code).toBe(2)
  })

  it('a rule id no rule has is named in the config file given with --config, at its line, with a worker thread linting a share', async () => {
    const dir = workspace()
    mkdirSync(join(dir, 'conf'))
    writeFileSync(join(dir, 'conf', 'review.yml'), 'rules:\n  wordiness: error\n  no-such-rule: warning\n')
    // Enough posts for a second thread (worker threads take a share from 8 files on).
    mkdirSync(join(dir, 'many'))
    for (let i = 0; i < 16; i++) writeFileSync(join(dir, 'many', `p${i}.md`), 'We utilize it.\n')
    const { code, stdout, stderr } = await run(['lint', '--format', 'json', '--jobs', '2', '-c', 'conf/review.yml', 'many'], dir)
    expect(stderr).toContain(`${join(dir, 'conf', 'review.yml')}:3: rules.no-such-rule: no rule has this id\n`)
    expect(stderr).toContain('bluepencil: rule problems in conf/review.yml (see above)')
    expect(stderr).not.toContain('bluepencil.yml')
    // The config's other levels still apply, on both threads' posts.
    expect((JSON.parse(stdout) as { ruleId: string; severity: string }[]).map((f) => [f.ruleId, f.severity])).toEqual(Array.from({ length: 16 }, () => ['wordiness', 'error']))
    expect(code).toBe(2)
  })

  it('check-rules on a missing folder, a file or a folder without rule files', async () => {
    const dir = workspace()
    mkdirSync(join(dir, 'empty'))
    expect(await run(['check-rules', 'nope'], dir)).toMatchObject({ code: 2, stderr: 'bluepencil: nope: no such rule folder\n' })
    expect(await run(['check-rules', 'blog/post.md'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('blog/post.md: not a folder') })
    expect(await run(['check-rules', 'empty'], dir)).toMatchObject({ code: 2, stderr: 'bluepencil: nothing to check: no rule files (.yml, .yaml) in empty\n' })
    expect(await run(['check-rules', 'rules'], dir)).toMatchObject({ code: 0, stdout: '1 rule files, 4 examples, 0 invalid, 0 failing.\n' })
  })

  it('a missing or unreadable config file', async () => {
    const dir = workspace()
    expect(await run(['lint', '-c', 'nope.yml', 'blog/post.md'], dir)).toMatchObject({ code: 2, stderr: 'bluepencil: nope.yml: config file not found\n' })
    expect(await run(['lint', '-c', 'blog', 'blog/post.md'], dir)).toMatchObject({ code: 2, stderr: 'bluepencil: blog: cannot read the config file (is a folder)\n' })
  })

  it('prints no stack trace, whatever fails', async () => {
    const dir = workspace()
    for (const args of [['lint', '--rules'], ['lint', '--jobs', 'x'], ['frobnicate'], ['check-rules', 'nope'], ['lint', '--lint-budget', '0', 'blog']]) {
      const { code, stderr } = await run(args, dir)
      expect(code).toBe(2)
      expect(stderr).not.toMatch(/\n\s+at /)
    }
  })
})

describe('"nothing checked" is an error', () => {
  it('an empty folder, or no post matching the configured globs', async () => {
    const dir = workspace()
    mkdirSync(join(dir, 'drafts'))
    expect(await run(['lint', 'drafts'], dir)).toMatchObject({ code: 2, stderr: 'bluepencil: drafts: no Markdown files (.md, .markdown, .mdx) in this folder\n' })
    const bare = mkdtempSync(join(tmpdir(), 'bluepencil-bare-'))
    expect(await run(['lint'], bare)).toMatchObject({ code: 2, stderr: expect.stringContaining('nothing to check: no file matches the blog-post globs') })
  })

  it('an unreadable file is named, and the run exits 2 even when other files were checked', () => {
    const dir = workspace()
    writeFileSync(join(dir, 'blog', 'secret.md'), 'Private.\n')
    chmodSync(join(dir, 'blog', 'secret.md'), 0o000)
    const { code, stderr, stdout } = runUnprivileged(['lint', 'blog'], dir)
    expect(stderr).toContain('blog/secret.md: not checked: cannot read the file (permission denied)\n')
    expect(stderr).toContain('bluepencil: 1 file was not checked (see above).\n')
    expect(stdout).toContain('blog/post.md')
    expect(code).toBe(2)
  })
})

describe('bluepencil fix keeps what users wrote', () => {
  it('in a read-only folder: names the post, leaves it as it was, exits 2', () => {
    const dir = workspace()
    const before = readFileSync(join(dir, 'blog', 'post.md'), 'utf8')
    chmodSync(join(dir, 'blog'), 0o555)
    const { code, stderr } = runUnprivileged(['fix', 'blog/post.md'], dir)
    expect(stderr).toContain('blog/post.md: not fixed: cannot write the file (permission denied)\n')
    expect(stderr).not.toMatch(/\n\s+at /)
    expect(code).toBe(2)
    expect(readFileSync(join(dir, 'blog', 'post.md'), 'utf8')).toBe(before)
  })

  it('writes only when the file still holds the text that was read', () => {
    const dir = workspace()
    const path = join(dir, 'blog', 'post.md')
    const read = readFileSync(path, 'utf8')
    const saved = `${read}A paragraph the author saved while fix ran.\n`
    writeFileSync(path, saved)
    expect(writeIfUnchanged(path, read, 'fixed text\n')).toBe('changed')
    expect(readFileSync(path, 'utf8')).toBe(saved)
    expect(writeIfUnchanged(path, saved, 'fixed text\n')).toBe('written')
    expect(readFileSync(path, 'utf8')).toBe('fixed text\n')
    expect(readdirSync(join(dir, 'blog'))).toEqual(['post.md'])
  })

  it('keeps the mode of the post it replaces', () => {
    const dir = workspace()
    const path = join(dir, 'blog', 'post.md')
    chmodSync(path, 0o640)
    writeIfUnchanged(path, readFileSync(path, 'utf8'), 'new\n')
    expect(spawnSync('stat', ['-c', '%a', path], { encoding: 'utf8' }).stdout.trim()).toBe('640')
  })
})

describe('hostile posts in the CLI', () => {
  it('each is named as not checked with the reason, promptly, with exit 2', async () => {
    const dir = workspace()
    const posts = hostilePosts()
    posts.forEach((p, i) => writeFileSync(join(dir, 'blog', `hostile-${i}.md`), p.source))
    const { code, stderr } = await run(['lint', '--format', 'json', 'blog'], dir)
    for (let i = 0; i < posts.length; i++) expect(stderr).toMatch(new RegExp(`^blog/hostile-${i}\\.md: not checked: .*(limit|deep|budget)`, 'm'))
    expect(stderr).toContain(`bluepencil: ${posts.length} files were not checked (see above).\n`)
    expect(code).toBe(2)
  })

  it('a post over the time budget is not checked', async () => {
    const dir = workspace()
    const paragraph = 'The job reads events from Kafka and writes them to a table, once per second.\n\n'
    writeFileSync(join(dir, 'blog', 'long.md'), `# Long\n\n${paragraph.repeat(4000)}`)
    const { code, stderr } = await run(['lint', '--format', 'json', '--lint-budget', '1', 'blog/long.md'], dir)
    expect(stderr).toBe('blog/long.md: not checked: took longer than the 1 ms budget (lintBudgetMs)\nbluepencil: 1 file was not checked (see above); nothing was checked.\n')
    expect(code).toBe(2)
  })
})
