import { describe, expect, it } from 'vitest'
import { commentRange } from '../../src/diff/comment-range.js'
import { mapToDiff } from '../../src/diff/map-to-diff.js'
import { parsePatch } from '../../src/diff/parse-patch.js'
import { makeFinding } from '../support/make-finding.js'

// Head file: line N reads "line N utilize". Hunk 1 shows 1-4 (adds 2 and 3), hunk 2 shows 11-13 (adds 12-13).
const source = Array.from({ length: 14 }, (_, i) => `line ${i + 1} utilize`).join('\n')
const diff = parsePatch(['@@ -1,2 +1,4 @@', ' line 1 utilize', '+line 2 utilize', '+line 3 utilize', ' line 4 utilize', '@@ -9,2 +11,3 @@', ' line 11 utilize', '-old', '+line 12 utilize', '+line 13 utilize'].join('\n'))
const on = (line: number, fix?: { startLine: number; endLine: number }) =>
  makeFinding(source, { line, actual: 'utilize', ...(fix ? { fix: { ...fix, text: 'changed' } } : {}) })
const kinds = (mode: 'added' | 'diff_context', ...findings: ReturnType<typeof on>[]) => mapToDiff(findings, diff, mode).map((p) => p.kind)

describe('mapToDiff', () => {
  it('places a finding on an added line, on that line', () => {
    expect(mapToDiff([on(2)], diff, 'added')).toEqual([{ kind: 'placed', finding: on(2), startLine: 2, line: 2 }])
  })

  it('places a fix over several added lines of one hunk as a range', () => {
    expect(mapToDiff([on(12, { startLine: 12, endLine: 13 })], diff, 'added')).toMatchObject([{ kind: 'placed', startLine: 12, line: 13 }])
  })

  it('leaves a finding on a line the pull request did not touch outside the diff', () => {
    expect(kinds('added', on(7), on(14))).toEqual(['outside-diff', 'outside-diff'])
  })

  it('does not comment on an unchanged context line in added mode, but does in diff_context mode', () => {
    expect(kinds('added', on(4))).toEqual(['outside-diff'])
    expect(kinds('diff_context', on(4))).toEqual(['placed'])
  })

  it('sends a fix that reaches from an added line onto a context line to the body in added mode', () => {
    expect(kinds('added', on(3, { startLine: 3, endLine: 4 }))).toEqual(['unanchored'])
    expect(kinds('diff_context', on(3, { startLine: 3, endLine: 4 }))).toEqual(['placed'])
  })

  it('sends a range spanning two hunks to the body, in either mode, since GitHub anchors a range in one hunk', () => {
    expect(kinds('added', on(3, { startLine: 3, endLine: 12 }))).toEqual(['unanchored'])
    expect(kinds('diff_context', on(3, { startLine: 3, endLine: 12 }))).toEqual(['unanchored'])
  })

  it('sends a range from an added line to a line outside every hunk to the body', () => {
    expect(kinds('diff_context', on(13, { startLine: 13, endLine: 14 }))).toEqual(['unanchored'])
  })

  it('leaves a range over context and untouched lines alone in diff_context mode: the author changed none of it', () => {
    expect(kinds('diff_context', on(4, { startLine: 4, endLine: 5 }))).toEqual(['outside-diff'])
  })

  it('places nothing for a file whose patch has no hunks', () => {
    expect(mapToDiff([on(2)], parsePatch(''), 'diff_context').map((p) => p.kind)).toEqual(['outside-diff'])
  })
})

describe('commentRange', () => {
  it('covers the span and the fix, and a span ending at column 1 stops at the line before', () => {
    const twoLines = makeFinding(source, { line: 2, actual: 'utilize\nline 3' })
    expect(commentRange(twoLines)).toEqual({ startLine: 2, line: 3 })
    const toLineBreak = makeFinding(source, { line: 2, actual: 'utilize\n' })
    expect(toLineBreak.span.end.column).toBe(1)
    expect(commentRange(toLineBreak)).toEqual({ startLine: 2, line: 2 })
    expect(commentRange(on(3, { startLine: 2, endLine: 4 }))).toEqual({ startLine: 2, line: 4 })
  })
})
