import { describe, expect, it } from 'vitest'
import { createLinter } from '../../src/lint/linter.js'
import { DEFAULT_CONFIG } from '../../src/config/repo-config.js'
import { loadBundledRules } from '../../src/rules/load-rules.js'
import { PatternFacts } from '../../src/rules/match/pattern-facts.js'
import { assets } from '../support/lint-assets.js'

describe('pattern facts', () => {
  it('are checked once per pattern, and a child keeps what it learns to itself', () => {
    const parent = new PatternFacts({ safe: ['a+b'], literals: [['a+b', 'b']] })
    const child = parent.child()
    const seen: string[] = []
    const check = (p: string): boolean => (seen.push(p), !p.includes('(a+)+'))
    expect(child.isSafe('a+b', check)).toBe(true)
    expect(child.isSafe('c+d', check)).toBe(true)
    expect(child.isSafe('c+d', check)).toBe(true)
    expect(child.isSafe('(a+)+b', check)).toBe(false)
    expect(seen).toEqual(['c+d', '(a+)+b'])
    expect(child.requiredLiteral('colou?r', true)).toBe('colo')
    expect(parent.toData()).toEqual({ safe: ['a+b'], literals: [['a+b', 'b']] })
    expect(child.toData()).toEqual({ safe: ['c+d'], literals: [['colou?r', 'colo']] })
  })

  it("of the bundled rules do not grow with a repository's own rules", () => {
    const bundled = loadBundledRules()
    const before = bundled.patterns.toData()
    const own = 'extends: existence\nmessage: m\nregex: true\ntokens: ["zq[0-9]+x"]\nexamples: [{bad: zq1x, flag: true}, {bad: zq22x, flag: true}, {good: a}, {good: b}]\n'
    const { errors } = createLinter({ assets: { ...assets, bundled }, config: DEFAULT_CONFIG, extraRuleFiles: [{ file: 'rules/zq.yml', text: own }] })
    expect(errors).toEqual([])
    expect(bundled.patterns.toData()).toEqual(before)
  })
})
