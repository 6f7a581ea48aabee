import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../src/config/repo-config.js'
import { applyFixes } from '../../src/lint/apply-fixes.js'
import { createLinter } from '../../src/lint/linter.js'
import { assets } from '../support/lint-assets.js'

const { linter } = createLinter({ config: DEFAULT_CONFIG, assets })
const findings = (post: string) => {
  const result = linter.lint('blog/post.md', post)
  return result.kind === 'linted' ? result.findings.filter((f) => f.ruleId === 'bullet-markers') : []
}
const fixed = (post: string): string => applyFixes(post, findings(post).flatMap((f) => (f.fix ? [f.fix] : [])))

const dashLists = ['Formats:', '', '- Classic', '- YAML', '', 'Outputs:', '', '- stdout', '- file', '']

describe('bullet-markers', () => {
  it('rewrites the markers of the odd list only, leaving code, quotations, nested lists and continuation lines as written', () => {
    const odd = ['Inputs:', '', '* Run `fluent-bit -c "a.conf"` and', '  read the "output" section', '* Use **tail**', '  * a nested `*` item', '  * another', '', 'Done.', '']
    const post = [...dashLists, ...odd].join('\n')
    const want = [...dashLists, 'Inputs:', '', '- Run `fluent-bit -c "a.conf"` and', '  read the "output" section', '- Use **tail**', '  * a nested `*` item', '  * another', '', 'Done.', ''].join('\n')
    expect(findings(post)).toHaveLength(1)
    expect(fixed(post)).toBe(want)
    expect(fixed(fixed(post))).toBe(want)
  })

  it('leaves a post without a clear majority alone', () => {
    expect(findings([...dashLists, 'Inputs:', '', '* one', '* two', '', 'Text.', '', '* three', ''].join('\n'))).toEqual([])
  })

  it('leaves a list alone that one marker would merge with the list beside it', () => {
    expect(findings([...dashLists, 'Inputs:', '', '- one', '- two', '', '* three', '* four', ''].join('\n'))).toEqual([])
    expect(findings([...dashLists, 'Inputs:', '', '* three', '* four', '', '- one', ''].join('\n'))).toEqual([])
  })

  it('counts neither ordered lists nor lists in block quotes', () => {
    expect(findings([...dashLists, '1. one', '2. two', '', 'Text.', '', '> * quoted', '> * list', ''].join('\n'))).toEqual([])
  })
})
