import { describe, expect, it } from 'vitest'
import { checkReport } from '../../src/github/check-report.js'
import { makeFinding } from '../support/make-finding.js'

const source = 'We utilize it.\nWe utilize more.\nThey utilize all.\n'

describe('checkReport', () => {
  it('orders rules of equal count by code unit, the same in every locale', () => {
    const findings = [
      makeFinding(source, { line: 1, actual: 'utilize', ruleId: 'alpha' }),
      makeFinding(source, { line: 2, actual: 'utilize', ruleId: 'Zeta' }),
      makeFinding(source, { line: 3, actual: 'utilize', ruleId: 'beta' }),
      makeFinding(source, { line: 1, actual: 'it', ruleId: 'beta' }),
    ]
    const report = checkReport({ headSha: 'a'.repeat(40), findings, failOn: 'never', posts: 1 })
    const rows = report.summary.split('\n').filter((l) => l.startsWith('| `')).map((l) => l.split('`')[1])
    // Most findings first, then "Z" (U+005A) before "a" (U+0061), which localeCompare would swap.
    expect(rows).toEqual(['beta', 'Zeta', 'alpha'])
    expect(report.annotations).toHaveLength(4)
  })
})
