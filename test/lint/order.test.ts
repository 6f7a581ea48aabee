import { describe, expect, it } from 'vitest'
import { byLine } from '../../src/config/config-error.js'
import { lintMarkdown } from '../../src/lint/lint-markdown.js'
import type { CompiledRule } from '../../src/rules/compile-rules.js'

// 'Zed' < 'alpha' by code unit; a locale-aware comparison puts 'alpha' first.
const wholeWord = (id: string): CompiledRule => ({
  id,
  file: `${id}.yml`,
  severity: 'warning',
  message: 'Look at `{actual}`.',
  check: (doc) => (doc.ranges[0] ? [{ range: doc.ranges[0], start: 0, end: 4 }] : []),
})

describe('ordering that does not depend on the locale', () => {
  it('findings on the same span are ordered by rule id code unit by code unit', () => {
    const findings = lintMarkdown({ path: 'p.md', source: 'Some text.\n', rules: [wholeWord('alpha'), wholeWord('Zed')] })
    expect(findings.map((f) => f.ruleId)).toEqual(['Zed', 'alpha'])
  })

  it('config errors on the same line are ordered by field path code unit by code unit', () => {
    const errors = [{ file: 'a.yml', line: 3, path: 'alpha', message: 'x' }, { file: 'a.yml', line: 3, path: 'Zed', message: 'x' }]
    expect([...errors].sort(byLine).map((e) => e.path)).toEqual(['Zed', 'alpha'])
  })
})
