import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseRepoConfigText } from '../src/config/repo-config.js'
import { applyFixes } from '../src/lint/apply-fixes.js'
import { createLinter } from '../src/lint/linter.js'
import { assets } from './support/lint-assets.js'

const source = readFileSync(new URL('../fixtures/posts/beam-flink-part2.md', import.meta.url), 'utf8')
const editor = JSON.parse(readFileSync(new URL('../fixtures/posts/beam-flink-part2.editor.json', import.meta.url), 'utf8')) as {
  suggestions: Record<string, { id: string; editor: string }>
}
// Beam's editor follows the Google developer style guide; its config switches on the two
// opt-in rules that encode it (see the fixture).
const beamConfig = parseRepoConfigText(readFileSync(new URL('../fixtures/posts/beam-bluepencil.yml', import.meta.url), 'utf8'), 'beam-bluepencil.yml').config
const { linter } = createLinter({ assets, config: beamConfig })
const result = linter.lint('blog/apache-beam-flink-and-kubernetes-part2.md', source)
const findings = result.kind === 'linted' ? result.findings : []
const fixOn = (line: number) => findings.find((f) => f.fix && f.fix.startLine <= line && f.fix.endLine >= line)?.fix

describe("the seed post (the editor's review of apache/beam PR 29794)", () => {
  it.each([
    [108, 'adaptive Scheduler -> adaptive scheduler'],
    [71, 'Legacy Source implementation -> legacy source implementation'],
    [36, 'metrics are typically metrics are generated -> metrics are typically metrics that are generated'],
    [126, '**For stateful jobs:** Potential ... savepoint. -> potential ... savepoint'],
    [127, '**For stateless jobs:** Data ... processed. -> data ... processed'],
  ])("line %i gets a fix equal to the editor's suggested line (%s)", (line) => {
    const expected = editor.suggestions[String(line)]?.editor
    expect(expected).toBeDefined()
    expect(fixOn(line)).toEqual({ startLine: line, endLine: line, text: expected })
  })

  // The editor also cut "based on changes" before "suggested in"; whether workarounds
  // based on changes are the changes themselves is a judgment of meaning no rule makes.
  it('line 90 gets the editor\'s "continues using -> still uses", and no rewrite of what the workarounds were based on', () => {
    const line = source.split('\n')[89] ?? ''
    expect(line).toContain('continues using')
    expect(fixOn(90)).toEqual({ startLine: 90, endLine: 90, text: line.replace('continues using', 'still uses') })
  })

  it('flags the summary before <!--more--> as a duplicate of the intro, with no rewrite', () => {
    const duplicate = findings.find((f) => f.ruleId === 'duplicate-content')
    expect(duplicate).toMatchObject({ span: { start: { line: 21 } }, relatedLine: 28, message: 'This repeats line 28; keep one of them.' })
    expect(duplicate?.fix).toBeUndefined()
  })

  it('leaves front matter, the license comment, HTML, code spans and URLs untouched', () => {
    const fixed = applyFixes(source, findings.flatMap((f) => (f.fix ? [f.fix] : [])))
    const keep = (text: string) => text.split('\n').filter((l) => /^(---|title:|date:|<img|src=|alt=|<!--|-->)/.test(l) || l.startsWith('Licensed'))
    expect(keep(fixed)).toEqual(keep(source))
    for (const token of source.match(/`[^`]+`|\]\([^)]*\)/g) ?? []) expect(fixed).toContain(token)
    for (const f of findings) expect(f.span.start.line).toBeGreaterThan(20)
  })
})
