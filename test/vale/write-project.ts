import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { lintWithVale, valeLine } from '../../src/lint/lint-vale.js'
import { loadValeProject } from '../../src/vale/vale-project.js'
import { dictionary } from '../support/lint-assets.js'

/** A Vale project written to a temporary folder (path -> text), and a post linted with it as Vale's lines. */
export function writeValeProject(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'bluepencil-vale-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  const loaded = loadValeProject(join(dir, '.vale.ini'), { dictionary })
  return {
    problems: loaded.problems,
    findings: (source: string) => lintWithVale(loaded, join(dir, 'post.md'), source),
    lint: (source: string) => lintWithVale(loaded, join(dir, 'post.md'), source).map((f) => valeLine(f, source, 'post.md')),
  }
}
