import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../src/config/repo-config.js'
import { lintMarkdown } from '../../src/lint/lint-markdown.js'
import { createLinter } from '../../src/lint/linter.js'
import { assets } from '../support/lint-assets.js'

// Past the shape guards and the budget: the passes themselves must be linear in a line's length.
// These took 79 s and 32 s (a regex retried at every space or capital of a long run).
const { linter } = createLinter({ assets, config: DEFAULT_CONFIG })
const lint = (source: string) => lintMarkdown({ path: 'blog/x.md', source, rules: linter.rules })

describe('no pass over a line is quadratic in its length', () => {
  it('a paragraph with a run of 100,000 spaces', () => {
    const findings = lint(`Before${' '.repeat(100_000)}after , the end.\n`)
    expect(findings.map((f) => f.ruleId)).toContain('space-before-punctuation')
  })

  it('a paragraph with 100,000 CamelCase letters', () => {
    expect(lint(`${'Ab'.repeat(50_000)} is a word, and PipelineOptions class is code.\n`).map((f) => f.ruleId)).toContain('code-names')
  })
})
