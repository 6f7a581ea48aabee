import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../src/config/repo-config.js'
import { createLinter } from '../../src/lint/linter.js'
import { loadBundledRules } from '../../src/rules/load-rules.js'
import { PROPOSAL, renderComment } from '../../src/review/render-comment.js'
import { assets } from '../support/lint-assets.js'

const lintWith = (fixTiers: ('safe' | 'review')[], source: string) => {
  const result = createLinter({ assets, config: DEFAULT_CONFIG, fixTiers }).linter.lint('post.md', source)
  return result.kind === 'linted' ? result.findings : []
}

describe('fix tiers', () => {
  const rules = loadBundledRules().rules

  it('are declared by every bundled rule', () => {
    expect(rules.filter((r) => r.fix === undefined).map((r) => r.id)).toEqual([])
  })

  it('keep taste (filler words, future tense, passive voice, easy claims) at suggestion level and never fixed', () => {
    for (const id of ['filler-words', 'future-tense', 'passive-voice', 'easy-claims']) {
      const rule = rules.find((r) => r.id === id)
      expect({ id, level: rule?.level, fix: rule?.fix }).toEqual({ id, level: 'suggestion', fix: 'none' })
    }
    expect(lintWith(['safe', 'review'], 'We will be able to just scale it.\n').filter((f) => f.edits.length > 0 || f.fix)).toEqual([])
  })

  it('make only safe fixes when asked for safe ones, and wording too when asked for review', () => {
    const source = 'We utilize the the cache.\n'
    expect(lintWith(['safe'], source).find((f) => f.fix)?.fix?.text).toBe('We utilize the cache.')
    expect(lintWith(['safe', 'review'], source).find((f) => f.fix)?.fix?.text).toBe('We use the cache.')
  })

  it('word a review suggestion as a proposal, and a safe one as a plain fix', () => {
    const findings = lintWith(['safe', 'review'], 'We utilize the the cache.\n')
    const body = (tier: 'safe' | 'review') => renderComment({ findings: findings.filter((f) => f.fixTier === tier), suggestion: '```suggestion\nx\n```', fingerprints: [] })
    expect(body('review')).toContain(PROPOSAL)
    expect(body('safe')).not.toContain(PROPOSAL)
  })
})
