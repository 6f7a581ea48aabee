import { describe, expect, it } from 'vitest'
import { fingerprint, marker, readMarkers } from '../../src/review/fingerprint.js'
import { makeFinding } from '../support/make-finding.js'

const before = '# Post\n\nWe utilize caching.\n'
const after = '# Post\n\nA new first paragraph.\n\n  We utilize caching.  \n'

describe('fingerprint', () => {
  it('stays the same when a push moves the finding to another line or re-indents it', () => {
    const a = fingerprint(makeFinding(before, { line: 3, actual: 'utilize' }), before)
    const b = fingerprint(makeFinding(after, { line: 5, actual: 'utilize' }), after)
    expect(a).toMatch(/^[0-9a-f]{16}$/)
    expect(b).toBe(a)
  })

  it('stays the same for a CRLF copy of the post', () => {
    const crlf = before.replace(/\n/g, '\r\n')
    expect(fingerprint(makeFinding(crlf, { line: 3, actual: 'utilize' }), crlf)).toBe(fingerprint(makeFinding(before, { line: 3, actual: 'utilize' }), before))
  })

  it('changes with the line text, the rule and the path', () => {
    const base = fingerprint(makeFinding(before, { line: 3, actual: 'utilize' }), before)
    const edited = 'We utilize caching a lot.\n'
    expect(fingerprint(makeFinding(edited, { line: 1, actual: 'utilize' }), edited)).not.toBe(base)
    expect(fingerprint(makeFinding(before, { line: 3, actual: 'utilize', ruleId: 'plain-words' }), before)).not.toBe(base)
    expect(fingerprint(makeFinding(before, { line: 3, actual: 'utilize', path: 'blog/other.md' }), before)).not.toBe(base)
  })
})

describe('markers', () => {
  it('finds every marker of a body, once each, ignoring other HTML comments', () => {
    const body = `Two findings.\n\n<!-- other:fp=0123456789abcdef -->\n${marker('0123456789abcdef')}\n${marker('fedcba9876543210')}\n${marker('0123456789abcdef')}`
    expect(readMarkers(body)).toEqual(['0123456789abcdef', 'fedcba9876543210'])
    expect(readMarkers('No markers here.')).toEqual([])
  })
})
