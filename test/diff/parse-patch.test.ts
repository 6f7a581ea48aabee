import { describe, expect, it } from 'vitest'
import { hunkOfLine, isAddedLine, parsePatch } from '../../src/diff/parse-patch.js'

const summary = (patch: string) =>
  parsePatch(patch).hunks.map((h) => ({ newStart: h.newStart, newLines: h.newLines, added: [...h.addedLines], context: [...h.contextLines] }))

describe('parsePatch', () => {
  it('keeps each hunk of a multi-hunk patch apart, with its added and context lines', () => {
    const patch = ['@@ -1,3 +1,4 @@ title', ' one', '+two', ' three', ' four', '@@ -20,3 +21,3 @@ ## Section', ' twenty', '-old', '+new', ' twenty-two'].join('\n')
    expect(summary(patch)).toEqual([
      { newStart: 1, newLines: 4, added: [2], context: [1, 3, 4] },
      { newStart: 21, newLines: 3, added: [22], context: [21, 23] },
    ])
  })

  it('gives deleted lines no RIGHT-side line, so the lines after them keep their numbers', () => {
    const patch = ['@@ -4,5 +4,3 @@', ' four', '-five', '-six', ' seven', '+eight', '-nine'].join('\n')
    expect(summary(patch)).toEqual([{ newStart: 4, newLines: 3, added: [6], context: [4, 5] }])
  })

  it('reads a hunk that only deletes as one with no RIGHT-side lines', () => {
    const patch = ['@@ -3,2 +2,0 @@', '-gone', '-also gone'].join('\n')
    expect(summary(patch)).toEqual([{ newStart: 3, newLines: 0, added: [], context: [] }])
  })

  it('skips the "No newline at end of file" markers', () => {
    const patch = ['@@ -1,2 +1,2 @@', ' first', '-last', '\\ No newline at end of file', '+last, edited', '\\ No newline at end of file'].join('\n')
    expect(summary(patch)).toEqual([{ newStart: 1, newLines: 2, added: [2], context: [1] }])
  })

  it('reads the patch of a CRLF file the same as its LF twin', () => {
    const lf = ['@@ -1,2 +1,3 @@', ' a', '+b', ' ', ''].join('\n')
    const crlf = ['@@ -1,2 +1,3 @@', ' a\r', '+b\r', ' \r', ''].join('\n')
    expect(summary(crlf)).toEqual(summary(lf))
    expect(summary(crlf)).toEqual([{ newStart: 1, newLines: 3, added: [2], context: [1, 3] }])
  })

  it('reads a new file as one hunk of added lines, and an empty patch as no hunks', () => {
    expect(summary('@@ -0,0 +1,2 @@\n+# Title\n+Text.')).toEqual([{ newStart: 1, newLines: 2, added: [1, 2], context: [] }])
    expect(parsePatch('').hunks).toEqual([])
  })

  it('throws on a patch whose hunk counts disagree, rather than guess anchors', () => {
    expect(() => parsePatch('@@ -1,3 +1,3 @@\n one\n+two')).toThrow(/count|line/i)
  })

  it('tells which hunk shows a line and whether the pull request added it', () => {
    const diff = parsePatch(['@@ -1,2 +1,3 @@', ' one', '+two', ' three', '@@ -10,1 +11,2 @@', ' ten', '+eleven'].join('\n'))
    expect(hunkOfLine(diff, 3)?.newStart).toBe(1)
    expect(hunkOfLine(diff, 12)?.newStart).toBe(11)
    expect(hunkOfLine(diff, 5)).toBeUndefined()
    expect([1, 2, 3, 11, 12].map((l) => isAddedLine(diff, l))).toEqual([false, true, false, false, true])
  })
})
