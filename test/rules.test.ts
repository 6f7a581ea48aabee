import { describe, expect, it } from 'vitest'
import { checkExamples } from '../src/lint/check-examples.js'
import { loadBundledRules } from '../src/rules/load-rules.js'

const { rules, errors } = loadBundledRules()

describe('bundled rule files', () => {
  it('all validate against rules/rule.schema.json', () => {
    expect(errors).toEqual([])
    expect(rules.length).toBeGreaterThanOrEqual(7)
  })

  describe.each(rules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    it('flags every bad example, fixes it as written, and leaves every good example alone', () => {
      expect(checkExamples(rule, rules)).toEqual([])
    })

    it('carries at least two bad and two good examples', () => {
      expect(rule.examples.filter((e) => 'bad' in e).length).toBeGreaterThanOrEqual(2)
      expect(rule.examples.filter((e) => 'good' in e).length).toBeGreaterThanOrEqual(2)
    })
  })
})
