import { describe, expect, it } from 'vitest'
import { MAX_BODY, renderComment } from '../../src/review/render-comment.js'
import { makeFinding } from '../support/make-finding.js'

const source = 'We utilize caching in order to scale.\n'

describe('renderComment', () => {
  it('writes the sentence, the suggestion, a linked rule reference and the hidden marker, in that order', () => {
    const finding = makeFinding(source, { line: 1, actual: 'utilize', url: 'https://style.example/plain-words' })
    expect(renderComment({ findings: [finding], suggestion: '```suggestion\nWe use caching in order to scale.\n```', fingerprints: ['0123456789abcdef'] })).toBe(
      [
        'Use `use` instead of `utilize`.',
        '```suggestion\nWe use caching in order to scale.\n```',
        '<sub>bluepencil · [utilize](https://style.example/plain-words) · warning</sub>',
        '<!-- bluepencil:fp=0123456789abcdef -->',
      ].join('\n\n'),
    )
  })

  it('puts one message per line, names each rule once, and links only rules with a URL', () => {
    const findings = [
      makeFinding(source, { line: 1, actual: 'utilize' }),
      makeFinding(source, { line: 1, actual: 'in order to', ruleId: 'wordiness', severity: 'suggestion', message: 'Use `to` instead of `in order to`.' }),
    ]
    const body = renderComment({ findings, suggestion: null, fingerprints: ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb'] })
    expect(body).toBe(
      'Use `use` instead of `utilize`.\nUse `to` instead of `in order to`.\n\n<sub>bluepencil · utilize · warning; wordiness · suggestion</sub>\n\n<!-- bluepencil:fp=aaaaaaaaaaaaaaaa -->\n<!-- bluepencil:fp=bbbbbbbbbbbbbbbb -->',
    )
  })

  it('keeps a link whose URL has spaces or parentheses in one piece', () => {
    const finding = makeFinding(source, { line: 1, actual: 'utilize', url: 'https://style.example/a (b)' })
    expect(renderComment({ findings: [finding], suggestion: null, fingerprints: [] })).toContain('[utilize](https://style.example/a%20%28b%29)')
  })

  it('stays under GitHub\'s 65,536-character limit by dropping a huge suggestion, keeping the markers', () => {
    const finding = makeFinding(source, { line: 1, actual: 'utilize' })
    const body = renderComment({ findings: [finding], suggestion: `\`\`\`suggestion\n${'x'.repeat(70_000)}\n\`\`\``, fingerprints: ['0123456789abcdef'] })
    expect(body.length).toBeLessThanOrEqual(MAX_BODY)
    expect(body).toContain('The suggested text is too long for a comment.')
    expect(body).toContain('<!-- bluepencil:fp=0123456789abcdef -->')
  })
})
