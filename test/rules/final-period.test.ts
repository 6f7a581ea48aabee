import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../src/config/repo-config.js'
import { createLinter } from '../../src/lint/linter.js'
import { assets } from '../support/lint-assets.js'

const { linter } = createLinter({ config: DEFAULT_CONFIG, assets })
const lines = (post: string, rule: string): number[] => {
  const result = linter.lint('blog/post.md', post)
  return result.kind === 'linted' ? result.findings.filter((f) => f.ruleId === rule).map((f) => f.span.start.line) : []
}

describe('final-period', () => {
  it('adds the period to a paragraph that stops before the next one, not to one cut off or leading into code', () => {
    const post = [
      'However, there are still some cases when this duration is high',
      '',
      'The next paragraph says why this happens in practice and what to do about it. It ends well.',
      '',
      'To install the operator on your cluster and try it, run the following',
      '',
      '```sh',
      'helm install op',
      '```',
      '',
      'This paragraph was cut off in the middle of a sentence that goes on with the',
      '',
      'Next one starts here and runs on for more than eight words without a stop',
    ].join('\n')
    expect(lines(post, 'final-period')).toEqual([1])
  })
})
