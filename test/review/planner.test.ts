import { describe, expect, it } from 'vitest'
import { indexLines, pointAt } from '../../src/core/text-lines.js'
import type { Finding, LineFix } from '../../src/core/types.js'
import { mapToDiff } from '../../src/diff/map-to-diff.js'
import { parsePatch } from '../../src/diff/parse-patch.js'
import { applySuggestion } from '../../src/review/apply-suggestion.js'
import { buildSuggestion } from '../../src/review/build-suggestion.js'
import { fingerprint, readMarkers } from '../../src/review/fingerprint.js'
import { planReview } from '../../src/review/plan-review.js'

const PATCH = [
  '@@ -1,3 +1,4 @@',
  ' one',
  '+two',
  ' three',
  ' four',
  '@@ -10,2 +11,3 @@',
  ' ten',
  '-old eleven',
  '+eleven',
  '+twelve',
  '\\ No newline at end of file',
].join('\n')

function finding(source: string, line: number, options: { fix?: LineFix; rule?: string; path?: string } = {}): Finding {
  const lines = indexLines(source)
  const start = lines.starts[line - 1] ?? 0
  return {
    path: options.path ?? 'post.md',
    ruleId: options.rule ?? 'wordiness',
    severity: 'warning',
    message: 'Use `to` instead of `in order to`.',
    span: { start: pointAt(lines, start), end: pointAt(lines, start + 2) },
    actual: source.slice(start, start + 2),
    expected: ['to'],
    edits: [],
    ...(options.fix ? { fix: options.fix } : {}),
  }
}

describe('parsePatch', () => {
  it('keeps added and context lines per hunk, across deletions and a missing final newline', () => {
    const diff = parsePatch(PATCH)
    expect(diff.hunks.map((h) => [h.newStart, h.newEnd, [...h.added], [...h.context]])).toEqual([
      [1, 4, [2], [1, 3, 4]],
      [11, 13, [12, 13], [11]],
    ])
  })

  it('reads CRLF patches and an empty patch', () => {
    expect(parsePatch(PATCH.replace(/\n/g, '\r\n')).hunks).toHaveLength(2)
    expect(parsePatch('').hunks).toEqual([])
  })
})

describe('mapToDiff', () => {
  const source = Array.from({ length: 13 }, (_, i) => `line ${i + 1}`).join('\n')
  const diff = parsePatch(PATCH)

  it('places a finding on an added line, and leaves untouched lines alone', () => {
    expect(mapToDiff(finding(source, 2), diff, 'added').kind).toBe('comment')
    expect(mapToDiff(finding(source, 3), diff, 'added').kind).toBe('outside')
    expect(mapToDiff(finding(source, 7), diff, 'added').kind).toBe('outside')
  })

  it('comments on context lines only in diff_context mode', () => {
    expect(mapToDiff(finding(source, 3), diff, 'diff_context').kind).toBe('comment')
  })

  it('sends a range across two hunks to the review body', () => {
    const fix = { startLine: 2, endLine: 12, text: 'x' }
    expect(mapToDiff(finding(source, 2, { fix }), diff, 'added').kind).toBe('unanchored')
  })
})

describe('buildSuggestion', () => {
  it('fences with more backticks than any run in the text', () => {
    expect(buildSuggestion({ startLine: 1, endLine: 1, text: 'Use ```js fences``` and `code`.' })).toBe('````suggestion\nUse ```js fences``` and `code`.\n````')
  })

  it('writes LF inside the block for a CRLF fix, keeps emoji, and writes an empty block to delete lines', () => {
    expect(buildSuggestion({ startLine: 1, endLine: 2, text: 'a 😀\r\nb' })).toBe('```suggestion\na 😀\nb\n```')
    expect(buildSuggestion({ startLine: 3, endLine: 3, text: '' })).toBe('```suggestion\n```')
  })

  it('applies GitHub-style, keeping CRLF endings', () => {
    const file = 'one\r\ntwo\r\nthree\r\n'
    expect(applySuggestion(file, { startLine: 2, line: 2, body: 'x\n\n```suggestion\nTWO\n```\n' })).toBe('one\r\nTWO\r\nthree\r\n')
    expect(applySuggestion(file, { startLine: 2, line: 2, body: '```suggestion\n```' })).toBe('one\r\nthree\r\n')
  })
})

describe('fingerprint', () => {
  it('survives lines moving, and markers round-trip through a comment body', () => {
    const before = 'intro\n\nWe utilize caching.\n'
    const after = 'new paragraph\n\nintro\n\nWe utilize caching.\n'
    const a = fingerprint(finding(before, 3), before)
    const b = fingerprint(finding(after, 5), after)
    expect(a).toBe(b)
    expect(readMarkers(`text\n<!-- bluepencil:fp=${a} -->\n<!-- bluepencil:fp=abcdef12 -->`)).toEqual([a, 'abcdef12'])
  })
})

describe('planReview', () => {
  const source = Array.from({ length: 13 }, (_, i) => `line ${i + 1}`).join('\n')
  const fix2: LineFix = { startLine: 2, endLine: 2, text: 'LINE 2' }
  const fix12: LineFix = { startLine: 12, endLine: 13, text: 'LINE 12\nLINE 13' }
  const findings = [finding(source, 2, { fix: fix2 }), finding(source, 2, { fix: fix2, rule: 'terms' }), finding(source, 12, { fix: fix12 }), finding(source, 5)]
  const plan = (posted: Set<string> = new Set(), maxComments = 25) =>
    planReview({ commitId: 'c0ffee', files: [{ path: 'post.md', source, patch: PATCH, findings }], postedFingerprints: posted, maxComments })

  it('merges findings on the same lines into one comment with one suggestion, start_line only for ranges', () => {
    const p = plan()
    expect(p.comments.map((c) => [c.line, c.startLine, c.fingerprints.length])).toEqual([
      [2, undefined, 2],
      [13, 12, 1],
    ])
    expect(p.comments[0]?.body.match(/```suggestion/g)).toHaveLength(1)
    expect(p.outsideDiff).toHaveLength(1)
    expect(p.isEmpty).toBe(false)
  })

  it('caps comments and lists the rest, with their suggested text, in the body', () => {
    const p = plan(new Set(), 1)
    expect(p.comments).toHaveLength(1)
    expect(p.overflow).toHaveLength(1)
    expect(p.body).toContain('LINE 12')
  })

  it('plans nothing when every comment was posted before', () => {
    const first = plan()
    const again = plan(new Set(first.comments.flatMap((c) => c.fingerprints)))
    expect(again.comments).toEqual([])
    expect(again.alreadyPosted).toBe(2)
    expect(again.isEmpty).toBe(true)
  })

  it('lists a post without a patch as not reviewed', () => {
    const p = planReview({ commitId: 'c', files: [{ path: 'big.md', source, patch: undefined, findings }], postedFingerprints: new Set(), maxComments: 25 })
    expect(p.comments).toEqual([])
    expect(p.body).toContain('`big.md`: GitHub sent no diff for it (too large to show)')
  })
})
