import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../src/config/repo-config.js'
import { createLinter } from '../../src/lint/linter.js'
import { assets } from '../support/lint-assets.js'

const { linter } = createLinter({ assets, config: DEFAULT_CONFIG })
/** Rule id and line of every finding of the two rules this file switches. */
const found = (source: string): string[] => {
  const result = linter.lint('post.md', source)
  if (result.kind !== 'linted') throw new Error('skipped')
  return result.findings.filter((f) => f.ruleId === 'wordiness' || f.ruleId === 'repeated-words').map((f) => `${f.ruleId}:${f.span.start.line}`)
}
const LINE = 'We utilize the the cache.'

describe('comment switches', () => {
  it('enable one rule after disabling two: the other stays off', () => {
    const source = `<!-- bluepencil-disable wordiness repeated-words -->\n\n${LINE}\n\n<!-- bluepencil-enable wordiness -->\n\n${LINE}\n`
    expect(found(source)).toEqual(['wordiness:7'])
  })

  it('enable one rule after disabling every rule: only that one is back', () => {
    const source = `<!-- bluepencil-disable -->\n\n${LINE}\n\n<!-- bluepencil-enable repeated-words -->\n\n${LINE}\n`
    expect(found(source)).toEqual(['repeated-words:7'])
  })

  it('enable every rule after disabling one', () => {
    const source = `<!-- bluepencil-disable wordiness -->\n\n${LINE}\n\n<!-- bluepencil-enable -->\n\n${LINE}\n`
    expect(found(source)).toEqual(['repeated-words:3', 'wordiness:7', 'repeated-words:7'])
  })

  it('disable-next-line covers the next line only, for the rules it names', () => {
    const source = `<!-- bluepencil-disable-next-line wordiness -->\n${LINE}\n${LINE}\n`
    expect(found(source)).toEqual(['repeated-words:2', 'wordiness:3', 'repeated-words:3'])
  })

  it('disable-next-line with no rule names covers every rule, inside a disabled region too', () => {
    const source = `<!-- bluepencil-disable-next-line -->\n${LINE}\n\n<!-- bluepencil-disable wordiness -->\n<!-- bluepencil-disable-next-line -->\n${LINE}\n${LINE}\n`
    expect(found(source)).toEqual(['repeated-words:7'])
  })

  it('a switch quoted in a code block is not obeyed', () => {
    const source = '```\n<!-- bluepencil-disable -->\n```\n\n' + `${LINE}\n`
    expect(found(source)).toEqual(['wordiness:5', 'repeated-words:5'])
  })
})
