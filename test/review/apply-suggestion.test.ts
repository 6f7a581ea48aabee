import { describe, expect, it } from 'vitest'
import { applySuggestion, suggestionContent } from '../../src/review/apply-suggestion.js'
import { buildSuggestion } from '../../src/review/build-suggestion.js'

const body = (block: string) => `Use \`use\` instead of \`utilize\`.\n\n${block}\n\n<sub>bluepencil · utilize · warning</sub>`

describe('applySuggestion', () => {
  it('replaces the commented lines with the block and keeps the rest of the file', () => {
    expect(applySuggestion('a\nb\nc\nd\n', { startLine: 2, line: 3, body: body('```suggestion\nB\n```') })).toBe('a\nB\nd\n')
  })

  it('keeps CRLF line endings, also for lines the block adds', () => {
    expect(applySuggestion('one\r\ntwo\r\nthree\r\n', { startLine: 2, line: 2, body: body('```suggestion\nTWO\nTWO AND A HALF\n```') })).toBe('one\r\nTWO\r\nTWO AND A HALF\r\nthree\r\n')
  })

  it('keeps a missing final newline missing', () => {
    expect(applySuggestion('one\ntwo', { startLine: 2, line: 2, body: body('```suggestion\n2\n```') })).toBe('one\n2')
  })

  it('deletes the lines for an empty block, and writes one blank line for a block holding one', () => {
    expect(applySuggestion('a\nb\nc\n', { startLine: 2, line: 2, body: body('```suggestion\n```') })).toBe('a\nc\n')
    expect(applySuggestion('a\nb\nc\n', { startLine: 2, line: 2, body: body('```suggestion\n\n```') })).toBe('a\n\nc\n')
  })

  it('reads a longer fence around content holding backticks, as built by buildSuggestion', () => {
    const file = 'Use ``` fences.\n'
    const block = buildSuggestion({ startLine: 1, endLine: 1, text: 'Use ```js fences.' }, file)
    expect(applySuggestion(file, { startLine: 1, line: 1, body: body(block ?? '') })).toBe('Use ```js fences.\n')
    expect(suggestionContent(body(block ?? ''))).toBe('Use ```js fences.')
  })

  it('leaves the file alone without a suggestion block, and refuses lines outside the file', () => {
    expect(applySuggestion('a\n', { startLine: 1, line: 1, body: 'Just a note.' })).toBe('a\n')
    expect(suggestionContent('Just a note.')).toBeUndefined()
    expect(() => applySuggestion('a\n', { startLine: 2, line: 3, body: body('```suggestion\nx\n```') })).toThrow(RangeError)
  })
})
