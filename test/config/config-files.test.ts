import { describe, expect, it } from 'vitest'
import { formatConfigError } from '../../src/config/config-error.js'
import { parseHouseStyle, parseHouseStyleText } from '../../src/config/house-style.js'
import { DEFAULT_CONFIG, parseRepoConfig, parseRepoConfigText } from '../../src/config/repo-config.js'

const CONFIG = '.github/bluepencil.yml'
const HOUSE = '.github/bluepencil-house.yml'
const configErrors = (text: string) => parseRepoConfigText(text, CONFIG).errors.map(formatConfigError)
const houseErrors = (text: string) => parseHouseStyleText(text, HOUSE).errors.map(formatConfigError)

describe('the repository config, each kind of mistake named by file, line and field', () => {
  it('reads a valid file over the defaults', () => {
    const { config, errors } = parseRepoConfigText('maxComments: 5\nterms: [Bluepencil]\nrules:\n  wordiness: off\n', CONFIG)
    expect(errors).toEqual([])
    expect(config).toEqual({ ...DEFAULT_CONFIG, maxComments: 5, terms: ['Bluepencil'], rules: { wordiness: 'off' } })
  })

  it('a YAML syntax error', () => {
    expect(configErrors('include: ["a"\nmaxComments: 5\n')[0]).toMatch(/^\.github\/bluepencil\.yml:\d+: invalid YAML: /)
  })

  it('an unknown field', () => {
    expect(configErrors('maxComments: 5\nmaxComment: 5\n')).toEqual([`${CONFIG}:2: maxComment: unknown field`])
  })

  it('a value of the wrong type, a list item among them', () => {
    expect(configErrors('drafts: yes please\ninclude:\n  - blog/**\n  - 3\n')).toEqual([`${CONFIG}:1: drafts: expected boolean`, `${CONFIG}:4: include.1: expected string`])
  })

  it('a fraction where a whole number goes', () => {
    expect(configErrors('maxComments: 2.5\n')).toEqual([`${CONFIG}:1: maxComments: expected integer`])
  })

  it('a number out of range, either side', () => {
    expect(configErrors('maxComments: 101\nlintBudgetMs: 5\n')).toEqual([`${CONFIG}:1: maxComments: must be at most 100`, `${CONFIG}:2: lintBudgetMs: must be at least 100`])
  })

  it('a value not among the choices, a rule level included', () => {
    expect(configErrors('filter: everything\nrules:\n  wordiness: loud\n')).toEqual([`${CONFIG}:1: filter: must be one of: added, diff_context`, `${CONFIG}:3: rules.wordiness: must be one of: off, error, warning, suggestion`])
  })

  it('an empty string where a glob or term goes', () => {
    expect(configErrors('terms: ["Kafka", ""]\nvale: ""\n')).toEqual([`${CONFIG}:1: terms.1: must not be empty`, `${CONFIG}:2: vale: must not be empty`])
  })

  it('a file that is not a map of settings', () => {
    expect(configErrors('- include\n- exclude\n')).toEqual([`${CONFIG}:1: expected object`])
  })

  it('every mistake at once, in the order of the file, and no config from a file with one', () => {
    const { config, errors } = parseRepoConfigText('foo: 1\nmaxComments: many\n', CONFIG)
    expect(errors.map(formatConfigError)).toEqual([`${CONFIG}:1: foo: unknown field`, `${CONFIG}:2: maxComments: expected number`])
    expect(config).toBe(DEFAULT_CONFIG)
  })

  it('a config the app read through the API (no text, so no line) still names the file and field', () => {
    expect(parseRepoConfig({ failOn: 'sometimes' }, CONFIG).errors).toEqual([{ file: CONFIG, path: 'failOn', message: 'must be one of: error, warning, never' }])
    expect(parseRepoConfig(null, CONFIG)).toEqual({ config: DEFAULT_CONFIG, errors: [] })
  })
})

describe('the house-style file, each kind of mistake named by file, line and field', () => {
  it('reads a valid file', () => {
    const text = 'headingCase: title\nlistItemPunctuation: none\nfrontMatter:\n  required: [title, params.author]\nterms: [OpenTelemetry]\n'
    expect(parseHouseStyleText(text, HOUSE)).toEqual({ house: { headingCase: 'title', listItemPunctuation: 'none', frontMatter: { required: ['title', 'params.author'] }, terms: ['OpenTelemetry'] }, errors: [] })
  })

  it('an unknown field, nested ones too', () => {
    expect(houseErrors('frontMatter:\n  required: [title]\n  optional: [tags]\n')).toEqual([`${HOUSE}:3: frontMatter.optional: unknown field`])
  })

  it('a missing required field', () => {
    expect(houseErrors('frontMatter: {}\n')).toEqual([`${HOUSE}:1: frontMatter: missing required field "required"`])
  })

  it('a value not among the choices', () => {
    expect(houseErrors('headingCase: upper\n')).toEqual([`${HOUSE}:1: headingCase: must be one of: sentence, title`])
  })

  it('a front-matter field that is no field name, said in words', () => {
    expect(houseErrors('frontMatter:\n  required:\n    - title\n    - params..author\n')).toEqual([`${HOUSE}:4: frontMatter.required.1: must be a field name, with dots for nested fields (params.author)`])
  })

  it('a value of the wrong type', () => {
    expect(houseErrors('terms: OpenTelemetry\n')).toEqual([`${HOUSE}:1: terms: expected array`])
    expect(parseHouseStyle({ terms: [''] }, HOUSE).errors).toEqual([{ file: HOUSE, path: 'terms.0', message: 'must not be empty' }])
  })
})
