import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadBundledCli } from '../../src/cli/bundled-cli.js'
import { runCliIn as run } from '../support/run-cli.js'

const seed = new URL('../../fixtures/posts/beam-flink-part2.md', import.meta.url)
const beamConfig = new URL('../../fixtures/posts/beam-bluepencil.yml', import.meta.url)

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bluepencil-cli-'))
  mkdirSync(join(dir, 'blog'))
  cpSync(seed, join(dir, 'blog', 'post.md'))
  mkdirSync(join(dir, '.github'))
  cpSync(beamConfig, join(dir, '.github', 'bluepencil.yml'))
  return dir
}

describe('bluepencil lint', () => {
  it('prints findings grouped per file as path:line:col level message rule-id, with a summary', async () => {
    const { code, stdout } = await run(['lint', 'blog/post.md'], workspace())
    expect(stdout).toMatch(/^blog\/post\.md\n/)
    expect(stdout).toContain('  108:45  warning     Use lower case: `scheduler` is a generic term, not a name.  generic-capitals')
    expect(stdout).toMatch(/\d+ problems \(2 errors, \d+ warnings, \d+ suggestions\) in 1 file; \d+ fixable with `bluepencil fix`\.\n$/)
    expect(code).toBe(1)
  })

  it('prints one JSON array with the stable finding shape', async () => {
    const { stdout } = await run(['lint', '--format', 'json', 'blog'], workspace())
    const findings = JSON.parse(stdout) as Record<string, unknown>[]
    const scheduler = findings.find((f) => f.line === 108)
    expect(scheduler).toMatchObject({ path: 'blog/post.md', ruleId: 'generic-capitals', severity: 'warning', line: 108, column: 45, endLine: 108, endColumn: 54 })
    expect((scheduler?.fix as { text: string }).text).toContain('the adaptive scheduler, a component')
    expect(findings.every((f) => f.fix === null || typeof (f.fix as { startLine: number }).startLine === 'number')).toBe(true)
  })

  it('prints SARIF 2.1.0 for code-scanning tools', async () => {
    const { stdout } = await run(['lint', '--format', 'sarif', 'blog/post.md'], workspace())
    const log = JSON.parse(stdout) as { version: string; runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: { ruleId: string; level: string }[] }[] }
    expect(log.version).toBe('2.1.0')
    expect(log.runs[0]?.tool.driver.name).toBe('bluepencil')
    expect(log.runs[0]?.results.some((r) => r.ruleId === 'repeated-words' && r.level === 'error')).toBe(true)
    expect(new Set(log.runs[0]?.tool.driver.rules.map((r) => r.id))).toEqual(new Set(log.runs[0]?.results.map((r) => r.ruleId)))
  })

  it('exits 0 on a clean file and 2 on a usage or config error', async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'clean.md'), 'Apache Flink reads from Kafka.\n')
    expect((await run(['lint', 'clean.md'], dir)).code).toBe(0)
    expect((await run(['lint', 'missing.md'], dir)).stderr).toContain('missing.md: no such file, folder or matching glob')
    expect((await run(['lint', '--format', 'xml', 'clean.md'], dir)).code).toBe(2)
    writeFileSync(join(dir, '.github', 'bluepencil.yml'), 'rules:\n  wordiness: loud\n')
    const bad = await run(['lint', 'clean.md'], dir)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('.github/bluepencil.yml:2: rules.wordiness: must be one of: off, error, warning, suggestion')
  })

  it('lints the configured blog posts when no path is given', async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'README.md'), 'We utilize the the things.\n')
    const { stdout } = await run(['lint', '--format', 'json'], dir)
    const paths = new Set((JSON.parse(stdout) as { path: string }[]).map((f) => f.path))
    expect([...paths]).toEqual(['blog/post.md'])
  })

  it('names a file that is not UTF-8 as not checked, and exits 2', async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'blog', 'latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]))
    const { code, stderr } = await run(['lint', 'blog/latin1.md'], dir)
    expect(stderr).toBe('blog/latin1.md: not checked: not UTF-8 text\nbluepencil: 1 file was not checked (see above); nothing was checked.\n')
    expect(code).toBe(2)
  })
})

describe('bluepencil fix', () => {
  it('applies only safe fixes unless --all: wording stays for a human', async () => {
    const dir = workspace()
    const before = readFileSync(join(dir, 'blog', 'post.md'), 'utf8')
    await run(['fix', 'blog/post.md'], dir)
    const fixed = readFileSync(join(dir, 'blog', 'post.md'), 'utf8')
    expect(fixed).not.toBe(before)
    expect(fixed).toContain('the adaptive Scheduler, a component')
    const again = await run(['fix', 'blog/post.md'], dir)
    expect(again.stdout).toMatch(/^0 files changed/m)
  })

  it('applies every fix in place with --all and reports what changed', async () => {
    const dir = workspace()
    const { code, stdout } = await run(['fix', '--all', 'blog/post.md'], dir)
    const fixed = readFileSync(join(dir, 'blog', 'post.md'), 'utf8')
    expect(stdout).toMatch(/^blog\/post\.md: fixed \d+ findings on lines .*108/m)
    expect(fixed).toContain('the adaptive scheduler, a component')
    expect(fixed).toContain("1. **For stateful jobs:** potential data inconsistencies, because the job might process new data that wasn't accounted for in the savepoint\n")
    expect(code).toBe(1)
    const again = await run(['lint', '--format', 'json', 'blog/post.md'], dir)
    expect((JSON.parse(again.stdout) as { fix: unknown }[]).filter((f) => f.fix !== null)).toEqual([])
  })
})

describe('bluepencil check-rules', () => {
  it('runs the examples of every bundled rule file', async () => {
    const { code, stdout } = await run(['check-rules'], workspace())
    expect(stdout).toMatch(/^\d+ rule files, \d+ examples, 0 invalid, 0 failing\.\n$/)
    expect(code).toBe(0)
  })
})

describe('the installed bin', () => {
  it("starts from the build's V8 code cache, which this Node accepts", () => {
    const cli = loadBundledCli()
    expect(cli.codeCacheAccepted).toBe(true)
    expect(typeof cli.exports.runCli).toBe('function')
  })

  it('runs the bundled CLI as its own process, with the same findings and exit code', () => {
    const bin = new URL('../../bin/bluepencil.js', import.meta.url).pathname
    let stdout: string
    let status = 0
    try {
      stdout = execFileSync(process.execPath, [bin, 'lint', '--format', 'json', new URL('../../fixtures/posts/beam-flink-part2.md', import.meta.url).pathname], { encoding: 'utf8' })
    } catch (error) {
      stdout = (error as { stdout: string }).stdout
      status = (error as { status: number }).status
    }
    expect(status).toBe(1)
    expect((JSON.parse(stdout) as { ruleId: string }[]).map((f) => f.ruleId)).toContain('repeated-words')
  })

  it('splits many posts between worker threads with --jobs, with the same findings as one thread', () => {
    const dir = workspace()
    for (let i = 0; i < 12; i++) cpSync(seed, join(dir, 'blog', `post-${i}.md`))
    const bin = new URL('../../bin/bluepencil.js', import.meta.url).pathname
    const lint = (jobs: string) => {
      try {
        return execFileSync(process.execPath, [bin, 'lint', '--format', 'json', '--jobs', jobs, 'blog'], { cwd: dir, encoding: 'utf8' })
      } catch (error) {
        return (error as { stdout: string }).stdout
      }
    }
    const one = JSON.parse(lint('1')) as { path: string }[]
    expect(new Set(one.map((f) => f.path)).size).toBe(13)
    expect(JSON.parse(lint('2'))).toEqual(one)
    expect(() => execFileSync(process.execPath, [bin, 'lint', '--jobs', '0', 'blog'], { cwd: dir, stdio: 'pipe' })).toThrow(/whole number of threads/)
  })
})
