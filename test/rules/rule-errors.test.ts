import { describe, expect, it } from 'vitest'
import { parseRuleSources } from '../../src/rules/load-rules.js'
import { parseRepoConfigText } from '../../src/config/repo-config.js'
import { formatConfigError } from '../../src/config/config-error.js'
import { DEFAULT_CONFIG } from '../../src/config/repo-config.js'
import { createLinter } from '../../src/lint/linter.js'
import { requiredLiteral } from '../../src/rules/match/required-literal.js'
import { assets } from '../support/lint-assets.js'

const errorsOf = (text: string, file = 'rules/my-rule.yml') => parseRuleSources([{ file, text }]).errors.map(formatConfigError)

describe('an invalid rule file', () => {
  it('is reported with its file, line, field and what is wrong', () => {
    const text = 'extends: substitution\nmessage: "Use {expected}."\nlevel: loud\nswap:\n  utilize: 3\nexamples:\n  - bad: a\n  - good: b\n'
    expect(errorsOf(text)).toEqual([
      'rules/my-rule.yml:3: level: must be one of: error, warning, suggestion',
      'rules/my-rule.yml:5: swap.utilize: expected string',
    ])
  })

  it('names a misspelt field', () => {
    expect(errorsOf('extends: existence\nmessage: m\ntokenz: [a]\nexamples: [{bad: a}, {good: b}]\n')).toEqual([
      'rules/my-rule.yml:1: missing required field "tokens"',
      'rules/my-rule.yml:3: tokenz: unknown field (check its spelling against rules/rule.schema.json)',
    ])
  })

  it('reports broken YAML with its line', () => {
    expect(errorsOf('extends: existence\nmessage: [unclosed\n')[0]).toMatch(/^rules\/my-rule.yml:\d: invalid YAML/)
  })

  it('refuses a file name that is not a kebab-case rule id', () => {
    expect(errorsOf('extends: existence', 'rules/My Rule.yml')[0]).toContain('must be kebab-case')
  })
})

describe('rule patterns', () => {
  const withRule = (text: string) => createLinter({ assets, config: DEFAULT_CONFIG, extraRuleFiles: [{ file: 'custom/danger.yml', text }] })

  it('refuses a regex prone to catastrophic backtracking at load, naming the rule file and line', () => {
    const { errors } = withRule('extends: existence\nmessage: m\nregex: true\ntokens:\n  - "colou?r"\n  - "(a+)+b"\nexamples: [{bad: a}, {good: b}]\n')
    expect(errors.map(formatConfigError)).toEqual(['custom/danger.yml:6: tokens.1: regular expression /(a+)+b/ can backtrack catastrophically (in the repeat `(a+)+`, one round of `(a+)` can match what several rounds match); rewrite it'])
  })

  it('refuses an overlapping alternation under a repeat, (a|a)+$, with its line, while the other rules run', () => {
    const { linter, errors } = withRule('extends: substitution\nmessage: Use {expected}.\nregex: true\nswap:\n  utilise: utilize\n  "(a|a)+$": a\nexamples: [{bad: a}, {good: b}]\n')
    expect(errors.map(formatConfigError)).toEqual(['custom/danger.yml:6: swap.(a|a)+$: regular expression /(a|a)+$/ can backtrack catastrophically (in the repeat `(a|a)+`, the alternatives `a` and `a` of `(a|a)` match the same text); rewrite it'])
    const result = linter.lint('p.md', 'We did this in order to test it.\n')
    expect(result.kind === 'linted' && result.findings.map((f) => f.ruleId)).toContain('wordiness')
  })

  it('refuses a regex that does not compile', () => {
    const { errors } = withRule('extends: existence\nmessage: m\nregex: true\ntokens: ["(unclosed"]\nexamples: [{bad: a}, {good: b}]\n')
    expect(errors[0]?.message).toMatch(/^cannot compile regular expression \/\(unclosed\//)
  })

  it('find the literal text every match must contain, to skip prose cheaply', () => {
    expect(requiredLiteral('(?<=^|[.!?]\\s+)([^:.]{1,60}?) (?:is|are) supported (?:in|by) the following ([^:.]{1,60}):')).toBe(' the following ')
    expect(requiredLiteral('(?<=[\\p{L})])(?<!etc)\\.$')).toBeUndefined()
    expect(requiredLiteral('colou?r')).toBe('colo')
    expect(requiredLiteral('cat|dog')).toBeUndefined()
    expect(requiredLiteral('([A-Z]\\w*#[a-z_][\\w.]*\\(\\)|[a-z_][\\w.]*\\(\\))')).toBe('()')
    expect(requiredLiteral('(?:Apache )?Flink(?= Jobs)', true)).toBe('flink')
    expect(requiredLiteral('(?:Apache )?Flink(?= Streaming)')).toBe(' Streaming')
    expect(requiredLiteral('(?:ab)c\\b')).toBe('abc')
  })

  it('treat a plain phrase with regex characters literally', () => {
    const { linter, errors } = withRule('extends: existence\nmessage: Avoid {actual}.\ntokens: ["(a+)+b", "c++"]\nexamples: [{bad: "Use (a+)+b.", flag: true}, {bad: "Use c++.", flag: true}, {good: aab}, {good: c}]\n')
    expect(errors).toEqual([])
    const result = linter.lint('p.md', 'We use (a+)+b and c++ here.\n')
    expect(result.kind === 'linted' && result.findings.filter((f) => f.ruleId === 'danger').map((f) => f.actual)).toEqual(['(a+)+b', 'c++'])
  })
})

describe('the repository config', () => {
  it('reports unknown fields and bad values with file, line and field', () => {
    const { errors } = parseRepoConfigText('include: ["**/*.md"]\nmaxComments: many\nrules:\n  wordiness: loud\nfoo: 1\n', '.github/bluepencil.yml')
    expect(errors.map(formatConfigError)).toEqual([
      '.github/bluepencil.yml:2: maxComments: expected number',
      '.github/bluepencil.yml:4: rules.wordiness: must be one of: off, error, warning, suggestion',
      '.github/bluepencil.yml:5: foo: unknown field',
    ])
  })

  it('switches a rule off or changes its level', () => {
    const config = { ...DEFAULT_CONFIG, rules: { wordiness: 'off' as const, 'repeated-words': 'suggestion' as const } }
    const { linter } = createLinter({ assets, config })
    const result = linter.lint('p.md', 'We utilize the the cache.\n')
    expect(result.kind === 'linted' && result.findings.map((f) => [f.ruleId, f.severity])).toEqual([['repeated-words', 'suggestion']])
  })

  it('adds extra terms', () => {
    const { linter } = createLinter({ assets, config: { ...DEFAULT_CONFIG, terms: ['Bluepencil'] } })
    const result = linter.lint('p.md', 'We love bluepencil.\n')
    expect(result.kind === 'linted' && result.findings.map((f) => f.fix?.text)).toEqual(['We love Bluepencil.'])
  })

  it("reports the config's terms under the terms rule, not another rule of the kind loaded before it (product-names)", () => {
    const { linter } = createLinter({ assets, config: { ...DEFAULT_CONFIG, terms: ['Bluepencil'] } })
    const result = linter.lint('p.md', 'We love bluepencil.\n')
    expect(result.kind === 'linted' && result.findings.map((f) => [f.ruleId, f.actual])).toEqual([['terms', 'bluepencil']])
  })

  /** A repository's own terms-kind rule, for the tests of who owns the config's terms. */
  const OWN_TERMS_RULE = 'extends: terms\nmessage: Write `{expected}`.\nterms: [Apache Kafka]\nexamples:\n  - bad: We use apache kafka.\n    fixed: We use Apache Kafka.\n  - bad: We use Apache kafka.\n    fixed: We use Apache Kafka.\n  - good: We use Apache Kafka.\n  - good: We use Kafka Streams.\n'

  it("gives the config's terms to a repository's own rule of the kind when the terms rule is off, not to the bundled product-names", () => {
    const config = { ...DEFAULT_CONFIG, rules: { terms: 'off' as const }, terms: ['Bluepencil'] }
    const { linter, errors } = createLinter({ assets, config, extraRuleFiles: [{ file: '.github/rules/our-names.yml', text: OWN_TERMS_RULE }] })
    expect(errors).toEqual([])
    const result = linter.lint('p.md', 'We love bluepencil and apache kafka.\n')
    expect(result.kind === 'linted' && result.findings.map((f) => [f.ruleId, f.actual])).toEqual([['our-names', 'bluepencil'], ['our-names', 'apache kafka']])
  })

  it("gives the config's terms to the terms rule by its kind, not its file name", () => {
    // A repository that replaces the bundled terms.yml by its own list, under another name.
    const config = { ...DEFAULT_CONFIG, rules: { terms: 'off' as const }, terms: ['Bluepencil'] }
    const { linter, errors } = createLinter({ assets, config, extraRuleFiles: [{ file: 'rules/product-names.yml', text: OWN_TERMS_RULE }] })
    expect(errors).toEqual([])
    const result = linter.lint('p.md', 'We love bluepencil and apache kafka.\n')
    expect(result.kind === 'linted' && result.findings.map((f) => [f.ruleId, f.actual])).toEqual([['product-names', 'bluepencil'], ['product-names', 'apache kafka']])
  })

  it("runs a repository's own rule examples when loading: a failing rule is reported, with its file and example, and stays off", () => {
    // The swap keys "utilise", but the examples expect "utilize" to be flagged.
    const own = 'extends: substitution\nmessage: Use `{expected}`.\nswap: { utilise: use }\nexamples:\n  - bad: We utilize it.\n    fixed: We use it.\n  - bad: We utilise it.\n    fixed: We use it.\n  - good: We use it.\n  - good: We employ it.\n'
    const { linter, errors } = createLinter({ assets, config: DEFAULT_CONFIG, extraRuleFiles: [{ file: '.github/rules/british.yml', text: own }] })
    expect(errors.map(formatConfigError)).toEqual(['.github/rules/british.yml:5: examples.0: bad example is not flagged (the rule is off until its examples pass)'])
    expect(linter.rules.map((r) => r.id)).not.toContain('british')
    const result = linter.lint('p.md', 'We utilise it.\n')
    expect(result.kind === 'linted' && result.findings.map((f) => f.ruleId)).toEqual([])
  })

  it("runs a repository's rule whose examples pass", () => {
    const own = 'extends: substitution\nmessage: Use `{expected}`.\nswap: { utilise: use }\nexamples:\n  - bad: We utilise it.\n    fixed: We use it.\n  - bad: Utilise it.\n    fixed: Use it.\n  - good: We use it.\n  - good: We employ it.\n'
    const { linter, errors } = createLinter({ assets, config: DEFAULT_CONFIG, extraRuleFiles: [{ file: '.github/rules/british.yml', text: own }] })
    expect(errors).toEqual([])
    const result = linter.lint('p.md', 'We utilise it.\n')
    expect(result.kind === 'linted' && result.findings.map((f) => f.ruleId)).toEqual(['british'])
  })
})
