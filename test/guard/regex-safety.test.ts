import { describe, expect, it } from 'vitest'
import { backtrackingProblem } from '../../src/guard/regex-safety.js'
import { runWithBudget } from '../../src/guard/budget.js'

/** Patterns known to backtrack exponentially in V8 (ReDoS write-ups, OWASP, safe-regex's misses). */
const CATASTROPHIC = [
  '(a|a)+$',
  '^(a|aa)+$',
  '(\\w|\\d)+$',
  '(?:a|b|ab)*c',
  '((?:a|a)b)+$',
  '(a|a){1,100}$',
  '(\\d+|\\d+\\.\\d+)+x',
  '(a+)+$',
  '(a*)*b',
  '^(\\d+)*$',
  '(x+x+)+y',
  '(\\w+\\s?)+$',
  '(\\s*\\w+)*$',
  '(.*a){12}',
  '^(([a-z])+.)+[A-Z]([a-z])+$',
  '^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$',
  '(?=(a|a)+)x',
  '(?<!(?:\\w+\\s?)+)x',
]

/** Patterns of the kinds rule files and Vale styles use, each matching any text in one way. */
const SAFE = [
  '\\bin order to\\b',
  '\\b(?:very|really)\\s+(\\w+)',
  '(?<![\\p{L}])utili[sz]e(?:s|d)?',
  'e\\.g\\.(?! ,)',
  '\\d+(?:\\.\\d+)?%',
  '(?:foo|bar)+',
  '([^,]+,)+',
  '[A-Z][a-z]+(?:[A-Z][a-z]+)+',
  '(?:\\w+[-\'])+\\w+',
  '(?:[a-z]+\\.)+[a-z]{2,}',
  '(a?)+',
  '(a|b){1,5}',
  '^#{1,6} ',
  '[a-z]+@[a-z]+\\.com',
]

describe('the backtracking check', () => {
  it.each(CATASTROPHIC)('refuses %s, saying which repeat is ambiguous', (pattern) => {
    expect(backtrackingProblem(pattern)).toMatch(/^in the repeat `.+`, (the alternatives `.*` and `.*` of `.+` match the same text|one round of `.+` can match what several rounds match)$/)
  })

  it.each(SAFE)('accepts %s', (pattern) => {
    expect(backtrackingProblem(pattern)).toBeUndefined()
  })

  it('refuses what was measured to hang: (a|a)+$ on 27 characters', () => {
    // The slowness is real (it is stopped by a budget here), and the check says why.
    const run = runWithBudget(() => /(a|a)+$/.test(`${'a'.repeat(26)}!`), 200)
    expect(run.ok).toBe(false)
    expect(backtrackingProblem('(a|a)+$')).toBe('in the repeat `(a|a)+`, the alternatives `a` and `a` of `(a|a)` match the same text')
  })

  it('reports a pattern it cannot parse instead of throwing', () => {
    expect(backtrackingProblem('(unclosed')).toMatch(/^cannot be parsed/)
  })
})
