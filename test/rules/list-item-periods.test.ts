import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../src/config/repo-config.js'
import { applyFixes } from '../../src/lint/apply-fixes.js'
import { createLinter } from '../../src/lint/linter.js'
import { assets } from '../support/lint-assets.js'

const { linter } = createLinter({ config: DEFAULT_CONFIG, assets })
const findings = (post: string) => {
  const result = linter.lint('blog/post.md', post)
  return result.kind === 'linted' ? result.findings.filter((f) => f.ruleId === 'list-item-periods') : []
}
const fixed = (post: string): string => applyFixes(post, findings(post).flatMap((f) => (f.fix ? [f.fix] : [])))

describe('list-item-periods', () => {
  it('puts the period after the closing markup of a link that ends the item, never inside the link text', () => {
    const post = ['- Read the [receiver documentation](https://example.com/r).', '- Read the [exporter documentation](https://example.com/e).', '- Read the [collector documentation](https://example.com/c)', ''].join('\n')
    expect(fixed(post)).toBe(post.replace('(https://example.com/c)', '(https://example.com/c).'))
  })

  it('leaves a list alone when an item holds more than its first paragraph, or the items wrap over lines', () => {
    const nested = ['- The job restarts.', '- The state is restored.', '- The operator scales the job', '  - up', '  - down', ''].join('\n')
    expect(findings(nested)).toEqual([])
    const wrapped = ['- The job restarts after a failure and', '  resumes from the last checkpoint.', '- The state is restored.', '- The operator scales the job', ''].join('\n')
    expect(findings(wrapped).map((f) => f.span.start.line)).toEqual([4])
  })

  it('removes a lone period only when the other items are fragments, not sentences that lost theirs', () => {
    const fragments = ['- Reliable estimates of span count', '- Adaptive sampling', '- Consistent multi-stage sampling.', ''].join('\n')
    expect(fixed(fragments)).toBe(fragments.replace('sampling.', 'sampling'))
    expect(fixed(fixed(fragments))).toBe(fixed(fragments))
  })
})
