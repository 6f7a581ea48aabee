import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lintWithVale, valeLine } from '../../src/lint/lint-vale.js'
import { loadValeProject } from '../../src/vale/vale-project.js'
import { dictionary } from '../support/lint-assets.js'

const dir = join(import.meta.dirname, '../../fixtures/vale')
const project = loadValeProject(join(dir, '.vale.ini'), { dictionary })
const lint = (file: string) => {
  const source = readFileSync(join(dir, file), 'utf8')
  return { source, findings: lintWithVale(project, join(dir, file), source) }
}

describe('a Vale configuration and its styles, unchanged', () => {
  it('loads without problems', () => {
    expect(project.problems).toEqual([])
  })

  it('reports what Vale reports: rule names, messages, positions in characters', () => {
    const { source, findings } = lint('post.md')
    expect(findings.map((f) => valeLine(f, source, 'post.md'))).toEqual([
      "post.md:1:3:Google.Headings:'Moving our docs to Vale.' should use sentence-style capitalization.",
      "post.md:1:25:Google.HeadingPunctuation:Don't put a period at the end of a heading.",
      "post.md:3:8:Google.Spacing:'s. T' should have one space.",
      "post.md:3:36:Google.WordList:Use 'URL' instead of 'url'.",
      "post.md:3:54:Google.Latin:Use 'for example' instead of 'e.g.'.",
      "post.md:5:17:Vale.Repetition:'the' is repeated!",
      "post.md:5:34:Google.WordList:Use 'OK' or 'okay' instead of 'ok'.",
      "post.md:5:34:Google.Exclamation:Don't use exclamation points in text.",
      "post.md:5:41:Vale.Avoid:Avoid using 'utilize'.",
      "post.md:5:49:Vale.Terms:Use 'GitHub' instead of 'github'.",
      "post.md:5:60:Vale.Terms:Use 'Bluepencil' instead of 'bluepencil'.",
      "post.md:15:31:Google.FirstPerson:Avoid first-person pronouns such as 'my'.",
      "post.md:17:13:Google.FirstPerson:Avoid first-person pronouns such as 'my'.",
    ])
    // The rocket is one character but two UTF-16 units: Vale's column 13 is the engine's 14.
    expect(findings.at(-1)?.span.start.column).toBe(14)
    expect(findings.find((f) => f.ruleId === 'Vale.Repetition')?.severity).toBe('error')
  })

  it('honours vale off/on and per-rule comments, TokenIgnores and glob sections', () => {
    const { findings } = lint('post.md')
    const lines = findings.map((f) => f.span.start.line)
    expect(lines).not.toContain(8) // <!-- vale off -->
    expect(lines).not.toContain(12) // <!-- vale Google.FirstPerson = NO --> and a TokenIgnores shortcode
    expect(lint('drafts/idea.md').findings).toEqual([]) // [drafts/*.md] Google.Exclamation = NO
  })

  it('suggests a fix only where it passes the fix-safety checks', () => {
    const { findings } = lint('post.md')
    const fixOf = (rule: string, line: number) => findings.find((f) => f.ruleId === rule && f.span.start.line === line)?.fix?.text
    // A removal that would turn "works.  Then" into "workhen" is posted as a message only.
    expect(fixOf('Google.Spacing', 3)).toBeUndefined()
    // Alerts on one line share one suggestion, as the engine's own rules do.
    expect(fixOf('Google.WordList', 3)).toBe('It works.  Then it stops. Open the URL in a browser, for example the dashboard.')
    expect(fixOf('Google.Latin', 3)).toBe(fixOf('Google.WordList', 3))
    expect(fixOf('Google.HeadingPunctuation', 1)).toBe('# Moving our docs to Vale')
    // Several candidates ('OK' or 'okay'): a human chooses, no suggestion.
    expect(findings.find((f) => f.ruleId === 'Google.WordList' && f.span.start.line === 5)?.edits).toEqual([])
    expect(fixOf('Vale.Terms', 5)).toBe('Café owners say the build is ok! We utilize GitHub and Bluepencil here.')
  })
})
