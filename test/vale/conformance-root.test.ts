import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { conformanceRoot } from '../../scripts/vale-conformance-root.js'

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'vale-conformance-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true })
    writeFileSync(join(root, name), text)
  }
  return root
}

/** A shared root as ../shared is laid out: one style with one fixture and the line Vale prints for it. */
const shared = (): string => {
  const root = tree({
    'main/README.md': '# The project, beside ../shared\n',
    'shared/corpus/a/post.md': '# A post\n',
    'shared/vale/styles/Demo/Swear.yml': "extends: existence\nmessage: \"Don't use '%s'.\"\nignorecase: true\ntokens:\n  - heck\n",
    'shared/vale/styles/Demo/fixtures/Swear/.vale.ini': 'StylesPath = ../../..\n[*.md]\nBasedOnStyles = Demo\n',
    'shared/vale/styles/Demo/fixtures/Swear/test.md': 'Well, heck.\n',
    'shared/vale/styles/Demo/features/rules.feature':
      'Feature: Rules\n  Scenario: Swear\n    When I test "Swear"\n    Then the output should contain exactly:\n    """\n    test.md:1:7:Demo.Swear:Don\'t use \'heck\'.\n    """\n',
  })
  return join(root, 'shared')
}

describe('the folder vale-conformance compares on', () => {
  it('takes the shared root (its vale/ folder) as every other script does, or the vale/ folder itself', () => {
    const root = shared()
    expect(conformanceRoot(root)).toEqual({ root: join(root, 'vale') })
    expect(conformanceRoot(join(root, 'vale'))).toEqual({ root: join(root, 'vale') })
    expect(conformanceRoot(undefined, join(root, '..', 'main'))).toEqual({ root: join(root, 'vale') })
  })

  it('a folder without feature files, or no folder, is an error naming the path', () => {
    const empty = tree({ 'vale/styles/Demo/Swear.yml': 'extends: existence\n' })
    expect(conformanceRoot(empty)).toEqual({ error: expect.stringContaining(`${empty}: no Vale feature file found`) as string })
    expect(conformanceRoot(join(empty, 'missing'))).toEqual({ error: expect.stringContaining(`${join(empty, 'missing')}: not found`) as string })
  })

  const script = (arg: string) => {
    try {
      return { status: 0, out: execFileSync(join('node_modules', '.bin', 'tsx'), ['scripts/vale-conformance.ts', arg], { encoding: 'utf8', stdio: 'pipe' }) }
    } catch (error) {
      const e = error as { status: number; stderr: string }
      return { status: e.status, out: e.stderr }
    }
  }

  it('the run on a shared root compares its styles; on an empty folder it exits 2 and says where it looked', () => {
    const run = script(shared())
    expect(run.status).toBe(0)
    expect(run.out).toMatch(/style Demo\s+1\s+1\s+0\s+1\s+1\s+0\s+0\s+100\.0%/)
    const empty = tree({ 'notes.txt': 'nothing\n' })
    const failed = script(empty)
    expect(failed.status).toBe(2)
    expect(failed.out).toContain(`vale-conformance: ${empty}: no Vale feature file found`)
  })
})
