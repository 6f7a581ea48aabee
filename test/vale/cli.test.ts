import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCliIn as run } from '../support/run-cli.js'

const fixture = new URL('../../fixtures/vale', import.meta.url).pathname

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bluepencil-vale-'))
  cpSync(fixture, dir, { recursive: true })
  return dir
}

describe('bluepencil lint --vale', () => {
  it('reports each Vale alert with Style.Rule, Vale message and Vale line/column (characters)', async () => {
    const dir = workspace()
    const { stdout, code } = await run(['lint', '--vale', '.vale.ini', '--format', 'json', 'post.md'], dir)
    const findings = JSON.parse(stdout) as { ruleId: string; message: string; line: number; column: number; fix: unknown }[]
    expect(findings.map((f) => `${f.line}:${f.column}:${f.ruleId}`)).toContain('17:13:Google.FirstPerson')
    expect(findings.find((f) => f.ruleId === 'Google.Spacing')).toMatchObject({ line: 3, column: 8, message: "'s. T' should have one space.", fix: null })
    expect(findings.every((f) => /^(Google|Vale)\.\w+$/.test(f.ruleId))).toBe(true)
    expect(code).toBe(1)
  })

  it('finds .vale.ini as Vale does, and takes `vale:` from .github/bluepencil.yml', async () => {
    const dir = workspace()
    const found = await run(['lint', '--format', 'json', 'post.md'], dir)
    expect((JSON.parse(found.stdout) as unknown[]).length).toBe(13)
    const other = mkdtempSync(join(tmpdir(), 'bluepencil-vale-cfg-'))
    cpSync(fixture, join(other, 'docs'), { recursive: true })
    cpSync(join(fixture, 'post.md'), join(other, 'post.md'))
    writeFileSync(join(other, 'bluepencil.yml'), 'vale: docs/.vale.ini\n')
    const configured = await run(['lint', '--config', join(other, 'bluepencil.yml'), '--format', 'json', 'post.md'], other)
    expect(configured.stderr).toBe('')
    expect((JSON.parse(configured.stdout) as { ruleId: string }[]).some((f) => f.ruleId === 'Google.Spacing')).toBe(true)
  })

  it('names the file and line of a broken rule, and runs the others', async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'styles', 'Google', 'Broken.yml'), "extends: existence\nmessage: x\ntokens:\n  - '(?>atomic)'\n")
    const { stdout, stderr } = await run(['lint', '--format', 'json', 'post.md'], dir)
    expect(stderr).toContain(`${join(dir, 'styles', 'Google', 'Broken.yml')}:3`)
    expect(stderr).toContain('atomic groups')
    expect((JSON.parse(stdout) as unknown[]).length).toBe(13)
  })

  it('refuses a missing configuration with exit code 2', async () => {
    const { code, stderr } = await run(['lint', '--vale', 'nope/.vale.ini', 'post.md'], workspace())
    expect(code).toBe(2)
    expect(stderr).toContain('nope/.vale.ini: Vale configuration not found')
  })
})
