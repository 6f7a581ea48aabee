import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { parseRuleSources, readRuleDir } from '../../src/rules/load-rules.js'
import { ruleJsonSchema, ruleJsonSchemaText } from '../../src/rules/rule-json-schema.js'
import { formatConfigError } from '../../src/config/config-error.js'
import { BUILTIN_CHECKS, GENERIC_KINDS } from '../../src/rules/kinds/registry.js'
import { parseYaml } from '../../src/config/yaml-source.js'

const errorsOf = (text: string) => parseRuleSources([{ file: 'rules/my-rule.yml', text }]).errors.map(formatConfigError)
const examples = 'examples: [{bad: a}, {bad: b}, {good: c}, {good: d}]\n'

describe('rules/rule.schema.json', () => {
  it('is the schema generated from the kinds (run `npm run schema` after changing a kind\'s options)', () => {
    expect(readFileSync('rules/rule.schema.json', 'utf8')).toBe(ruleJsonSchemaText())
  })

  it('accepts every bundled rule file and refuses what the loader refuses, for editors that validate as you type', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(ruleJsonSchema())
    const yaml = (text: string): unknown => {
      const parsed = parseYaml(text, 'x.yml')
      if ('errors' in parsed) throw new Error('bad yaml')
      return parsed.parsed.value
    }
    for (const source of readRuleDir('rules')) expect([source.file, validate(yaml(source.text))]).toEqual([source.file, true])
    expect(validate(yaml(`extends: existence\nmessage: m\ntokens: [a]\nswap: {a: b}\n${examples}`))).toBe(false)
    expect(validate(yaml(`extends: terms\nmessage: m\n${examples}`))).toBe(false)
    expect(validate(yaml(`extends: terms\nmessage: m\nlowercase: [scheduler]\n${examples}`))).toBe(true)
  })
})

describe('per-kind options', () => {
  it('refuse a field of another kind, naming the field and the options this kind has', () => {
    expect(errorsOf(`extends: existence\nmessage: m\ntokens: [a]\nswap: {a: b}\n${examples}`)).toEqual([
      'rules/my-rule.yml:4: swap: not a field of kind existence (its options: tokens, replacement, remove, ignorecase, regex, nonword, exceptions)',
    ])
    expect(errorsOf(`extends: builtin\ncheck: heading-levels\nmessage: m\nscope: [heading]\n${examples}`)).toEqual([
      'rules/my-rule.yml:4: scope: not a field of the built-in check heading-levels (it has no options of its own)',
    ])
    expect(errorsOf(`extends: builtin\ncheck: repeated-words\nmessage: m\ntokens: [a]\n${examples}`)).toEqual([
      'rules/my-rule.yml:4: tokens: not a field of the built-in check repeated-words (its options: allow, maxGap, relativize)',
    ])
  })

  it('refuse an unknown kind, listing the kinds', () => {
    expect(errorsOf(`extends: existance\nmessage: m\n${examples}`)[0]).toMatch(/^rules\/my-rule.yml:1: extends: unknown kind: must be one of: substitution, existence, /)
    expect(errorsOf(`message: m\n${examples}`)).toEqual(['rules/my-rule.yml:1: missing required field "extends"'])
    expect(errorsOf(`extends: builtin\ncheck: heading-level\nmessage: m\n${examples}`)[0]).toMatch(/^rules\/my-rule.yml:2: check: unknown built-in check: must be one of: repeated-words, spelling, /)
    expect(errorsOf(`extends: builtin\nmessage: m\n${examples}`)).toEqual(['rules/my-rule.yml:1: missing required field "check"'])
  })

  it('check the kind\'s own constraints', () => {
    expect(errorsOf(`extends: terms\nmessage: m\n${examples}`)).toEqual(['rules/my-rule.yml:1: needs at least one of the fields terms, lowercase'])
    expect(errorsOf(`extends: builtin\ncheck: duplicate-content\nmessage: m\nminWords: 2.5\nthreshold: 0\n${examples}`)).toEqual([
      'rules/my-rule.yml:4: minWords: expected integer',
      'rules/my-rule.yml:5: threshold: must be more than 0',
    ])
    expect(errorsOf(`extends: substitution\nmessage: m\nswap: {}\nscope: [heading, heading]\n${examples}`)).toEqual([
      'rules/my-rule.yml:3: swap: must list at least one phrase',
      'rules/my-rule.yml:4: scope: must not list a scope twice',
    ])
  })

  it('report each bad example at its line', () => {
    expect(errorsOf('extends: existence\nmessage: m\ntokens: [a]\nexamples:\n  - bad: a\n    at: "1"\n  - good: b\n  - 3\n')).toEqual([
      'rules/my-rule.yml:6: examples.0.at: must be line:column (1-based), e.g. "1:12"',
      'rules/my-rule.yml:8: examples.2: expected object',
    ])
  })
})

describe('rules/README.md', () => {
  it('lists every generic kind and built-in check with its options', () => {
    const readme = readFileSync('rules/README.md', 'utf8')
    const common = new Set(['extends', 'check', 'scope', 'frontmatter', 'message', 'description', 'level', 'enabled', 'fix', 'link', 'examples'])
    for (const kind of [...GENERIC_KINDS, ...BUILTIN_CHECKS]) {
      const options = Object.keys(kind.schema.shape).filter((f) => !common.has(f)).map((f) => `\`${f}\``).join(', ')
      expect(readme).toContain(`| \`${kind.name}\` | ${kind.summary} | ${options}${options ? ' ' : ''}|`)
    }
  })
})
