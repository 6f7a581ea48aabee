import { describe, expect, it } from 'vitest'
import { buildSuggestion } from '../../src/review/build-suggestion.js'

const source = 'We utilize caching.\nIt is very fast.\n🚀 We ship `code` daily.\n'

describe('buildSuggestion', () => {
  it('writes the whole new line between triple-backtick fences', () => {
    expect(buildSuggestion({ startLine: 1, endLine: 1, text: 'We use caching.' }, source)).toBe('```suggestion\nWe use caching.\n```')
  })

  it('fences with one backtick more than the longest run in the text, so a post\'s own fences cannot close it', () => {
    const text = 'Wrap it in ```js fences``` or ````md````, not `code`.'
    expect(buildSuggestion({ startLine: 1, endLine: 1, text }, source)).toBe(`\`\`\`\`\`suggestion\n${text}\n\`\`\`\`\``)
  })

  it('replaces several lines with the lines of the fix, LF inside the block even for a CRLF post', () => {
    const crlf = 'We utilize caching.\r\nIt is very fast.\r\n'
    expect(buildSuggestion({ startLine: 1, endLine: 2, text: 'We use caching.\r\nIt is fast.' }, crlf)).toBe('```suggestion\nWe use caching.\nIt is fast.\n```')
  })

  it('keeps emoji and other astral characters intact', () => {
    expect(buildSuggestion({ startLine: 3, endLine: 3, text: '🚀 We ship `code` every day. 👩🏽‍💻' }, source)).toBe('```suggestion\n🚀 We ship `code` every day. 👩🏽‍💻\n```')
  })

  it('writes an empty block to delete the lines', () => {
    expect(buildSuggestion({ startLine: 2, endLine: 2, text: '' }, source)).toBe('```suggestion\n```')
  })

  it('suggests nothing when the fix equals the current lines, whatever their line endings', () => {
    expect(buildSuggestion({ startLine: 2, endLine: 3, text: 'It is very fast.\n🚀 We ship `code` daily.' }, source)).toBeNull()
    expect(buildSuggestion({ startLine: 1, endLine: 2, text: 'We utilize caching.\r\nIt is very fast.' }, 'We utilize caching.\r\nIt is very fast.\r\n')).toBeNull()
  })
})
