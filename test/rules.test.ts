import { describe, expect, it } from 'vitest'
import { checkExamples } from '../src/lint/check-examples.js'
import { assets, dictionary } from './support/lint-assets.js'

const { rules, errors, patterns } = assets.bundled

describe('bundled rule files', () => {
  it('all validate against rules/rule.schema.json', () => {
    expect(errors).toEqual([])
    expect(rules.length).toBeGreaterThanOrEqual(7)
  })

  describe.each(rules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    // The very check `bluepencil check-rules` runs, so the two never ask different things.
    it('has two bad and two good examples; flags every bad one, fixes it as written, and leaves every good one alone', () => {
      expect(checkExamples(rule, rules, { patterns, dictionary })).toEqual([])
    })
  })
})
