import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../src/config/repo-config.js'
import { createLinter } from '../../src/lint/linter.js'
import { assets } from '../support/lint-assets.js'

const { linter } = createLinter({ config: DEFAULT_CONFIG, assets })
const expected = (path: string, post: string): readonly string[] => {
  const result = linter.lint(path, post)
  return result.kind === 'linted' ? result.findings.filter((f) => f.ruleId === 'front-matter').flatMap((f) => f.expected ?? []) : []
}

describe('front-matter', () => {
  const undated = '---\ntitle: Scaling Beam on Flink\n---\n\nText.\n'

  it('takes a Jekyll post date from the file name, as Jekyll does', () => {
    expect(expected('_posts/2023-12-18-scaling-beam.md', undated)).toEqual([])
    expect(expected('2014-08-26-release-0.6.md', undated)).toEqual([])
  })

  it('still asks for the date when the file name holds none, and still checks a date that is written', () => {
    expect(expected('blog/scaling-beam.md', undated)).toEqual(['date'])
    expect(expected('blog/2023-12-18/index.md', undated)).toEqual(['date'])
    expect(expected('_posts/2023-12-18-scaling-beam.md', '---\ntitle: Scaling\ndate: next week\n---\n\nText.\n')).toEqual(['date'])
  })
})
