import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../src/config/repo-config.js'
import { applyFixes } from '../../src/lint/apply-fixes.js'
import { createLinter } from '../../src/lint/linter.js'
import { assets } from '../support/lint-assets.js'

const { linter } = createLinter({ assets, config: DEFAULT_CONFIG })
const lint = (source: string) => {
  const result = linter.lint('post.md', source)
  if (result.kind !== 'linted') throw new Error('skipped')
  return result.findings
}
const fixAll = (source: string) => applyFixes(source, lint(source).flatMap((f) => (f.fix ? [f.fix] : [])))

describe('fixes', () => {
  it('merge every edit on the same line into one whole-line fix shared by its findings', () => {
    const findings = lint('In order to scale, we utilize the the workers.\n')
    const fixes = new Set(findings.map((f) => f.fix))
    expect(findings.length).toBe(3)
    expect(fixes.size).toBe(1)
    expect([...fixes][0]).toEqual({ startLine: 1, endLine: 1, text: 'To scale, we use the workers.' })
  })

  it('keep CRLF endings, trailing double spaces, indentation, code spans and URLs byte for byte', () => {
    const source = '- item one  \r\n  we utilize `in order to` and [a link](https://x.dev/in-order-to)  \r\n- next\r\n'
    expect(fixAll(source)).toBe('- item one  \r\n  we use `in order to` and [a link](https://x.dev/in-order-to)  \r\n- next\r\n')
  })

  it('span lines when a phrase wraps across a line break', () => {
    const findings = lint('We wrote it in order\nto scale the job.\n')
    expect(findings[0]?.fix).toEqual({ startLine: 1, endLine: 2, text: 'We wrote it to scale the job.' })
  })

  it('fix a phrase wrapped onto an indented continuation line of a list item', () => {
    const findings = lint('- We wrote it in order\n  to scale the job.\n')
    expect(findings[0]?.fix).toEqual({ startLine: 1, endLine: 2, text: '- We wrote it to scale the job.' })
  })

  it('refuse a fix across markup or escapes, keeping the finding as a message', () => {
    const findings = lint('We do it in *order* to win, and utili\\ze it.\n')
    const wordy = findings.filter((f) => f.ruleId === 'wordiness')
    expect(wordy.length).toBe(1)
    expect(wordy[0]?.fix).toBeUndefined()
  })

  it('never let overlapping edits corrupt each other', () => {
    const source = 'It continues using using the old source.\n'
    const fixed = fixAll(source)
    expect(fixed).toBe('It still uses the old source.\n')
  })

  it('honour bluepencil-disable and bluepencil-enable comments', () => {
    const source = '<!-- bluepencil-disable wordiness -->\n\nWe utilize it.\n\n<!-- bluepencil-enable wordiness -->\n\nWe utilize it.\n'
    expect(lint(source).map((f) => f.span.start.line)).toEqual([7])
    expect(lint('<!-- bluepencil-disable -->\n\nWe utilize the the it.\n').length).toBe(0)
  })
})

describe('the linter on bad input', () => {
  it('skips text that is not UTF-8 with a message', () => {
    expect(linter.lint('a.md', new Uint8Array([0x48, 0xff, 0xfe, 0x00]))).toEqual({ kind: 'skipped', skipped: { path: 'a.md', reason: 'not UTF-8 text' } })
  })

  it('skips files larger than maxFileBytes with a message', () => {
    const small = createLinter({ assets, config: { ...DEFAULT_CONFIG, maxFileBytes: 10 } }).linter
    expect(small.lint('a.md', 'x'.repeat(11))).toEqual({ kind: 'skipped', skipped: { path: 'a.md', reason: 'larger than 10 bytes (maxFileBytes)' } })
  })
})
