import { describe, expect, it } from 'vitest'
import { formatConfigError } from '../../src/config/config-error.js'
import { checkExamples, exampleFailureToError } from '../../src/lint/check-examples.js'
import { compileRules } from '../../src/rules/compile-rules.js'
import { parseRuleSources } from '../../src/rules/load-rules.js'
import type { RuleFile } from '../../src/rules/rule-file.js'
import { dictionary } from '../support/lint-assets.js'

const rule = (name: string, text: string): RuleFile => {
  const { rules, errors } = parseRuleSources([{ file: `rules/${name}.yml`, text }])
  expect(errors).toEqual([])
  return rules[0] as RuleFile
}
const swapRule = (message: string, pins: string) =>
  rule('british', `extends: substitution\nmessage: "${message}"\nswap: { utilise: use }\nexamples:\n  - bad: We utilise it.\n${pins}    fixed: We use it.\n  - bad: Utilise it.\n    fixed: Use it.\n  - good: We use it.\n  - good: We employ it.\n`)
const failures = (r: RuleFile) => checkExamples(r, [r], { dictionary }).map((f) => formatConfigError(exampleFailureToError(f)))

describe('rule examples that pin the message and the position', () => {
  it('pass when a finding has that message and starts at that line:column', () => {
    expect(failures(swapRule('Write `{expected}`.', '    message: Write `use`.\n    at: "1:4"\n'))).toEqual([])
  })

  it('fail naming what was found when the position differs', () => {
    expect(failures(swapRule('Write `{expected}`.', '    at: "1:1"\n'))).toEqual(['rules/british.yml:5: examples.0: no finding at 1:1; found 1:4 "Write `use`."'])
  })

  it('fail when the message differs', () => {
    expect(failures(swapRule('Write `{expected}`.', '    message: Use `use`.\n'))).toEqual(['rules/british.yml:5: examples.0: no finding with message "Use `use`."; found 1:4 "Write `use`."'])
  })
})

describe('compiling a rule set', () => {
  it('refuses a message with an unknown placeholder, naming the file and field, and compiles the others', () => {
    const good = swapRule('Write `{expected}`.', '')
    const typo = { ...good, id: 'typo', file: 'rules/typo.yml', message: 'Write `{expceted}`.' }
    const { rules, errors } = compileRules([typo, good], { extraTerms: [], accept: [], dictionary })
    expect(errors.map(formatConfigError)).toEqual(['rules/typo.yml: message: unknown placeholder {expceted}: a message may use {actual}, {expected}, {line}'])
    expect(rules.map((r) => r.id)).toEqual(['british'])
  })

  it('reports a rule that cannot be compiled and still compiles the others', () => {
    const good = swapRule('Write `{expected}`.', '')
    // A rule file that passed no schema (say, a stale build cache naming a kind that is gone).
    const broken = { ...good, id: 'gone', file: 'rules/gone.yml', extends: 'gone-kind' } as unknown as RuleFile
    const { rules, errors } = compileRules([broken, good], { extraTerms: [], accept: [], dictionary })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ file: 'rules/gone.yml', path: '' })
    expect(rules.map((r) => r.id)).toEqual(['british'])
  })
})

describe('a failing example', () => {
  it('is reported at its own line in the rule file', () => {
    const r = rule('british', 'extends: substitution\nmessage: Use `{expected}`.\nswap: { utilise: use }\nexamples:\n  - bad: We utilise it.\n    fixed: We use it.\n  - good: We use it.\n  - bad: Utilise it.\n    fixed: Use it.\n  - good: We utilise nothing.\n')
    expect(failures(r)).toEqual(['rules/british.yml:10: examples.3: good example is flagged: "utilise" (Use `use`.)'])
  })

  it('that is missing is reported at the examples field', () => {
    const r = rule('british', 'extends: substitution\nmessage: Use `{expected}`.\nswap: { utilise: use }\nexamples:\n  - bad: We utilise it.\n    fixed: We use it.\n  - good: We use it.\n  - good: We employ it.\n')
    expect(failures(r)).toEqual(['rules/british.yml:5: examples: needs at least 2 bad and 2 good examples (has 1 and 2)'])
  })
})
