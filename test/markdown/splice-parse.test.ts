import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import type { Root } from 'mdast'
import { describe, expect, it } from 'vitest'
import type { LineFix } from '../../src/core/types.js'
import { applyFixes } from '../../src/lint/apply-fixes.js'
import { parseMarkdown } from '../../src/markdown/parse.js'
import { spliceParse } from '../../src/markdown/splice-parse.js'

/** The tree as plain data, as a parse makes it. */
const plain = (tree: Root): unknown => JSON.parse(JSON.stringify(tree))

/** Splices where it can; wherever it does, the tree is the one a whole parse makes. */
function check(source: string, fixes: readonly LineFix[]): boolean {
  const fixed = applyFixes(source, fixes)
  const spliced = spliceParse(parseMarkdown(source), source, fixes, fixed, parseMarkdown)
  if (spliced) expect(plain(spliced)).toEqual(plain(parseMarkdown(fixed)))
  return spliced !== undefined
}

// Lines that change what the blocks around them are: markers, fences, rules, indents, HTML, setext underlines.
const HOSTILE = [
  '- item', '* item', '1. item', '2) item', '   indented', '    code', '```', '~~~', '---', '===', '***', '> quote', '<div>', '<!--', '-->',
  '| a | b |', '|---|---|', '# Heading', '', 'plain words here', 'see https://example.com', 'a [link](https://example.com) here', '[ref]', '[^1]', 'Term\\', '<details>',
]
const words = fc.array(fc.constantFrom('the', 'Flink', 'stream', 'is', 'a', 'fast', 'Node.js', '`code`', '**bold**', '_em_', 'https://x.io'), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '))
const line = fc.oneof({ weight: 3, arbitrary: words }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) })
const block = fc.oneof(
  fc.array(words, { minLength: 1, maxLength: 3 }).map((l) => l.join('\n')),
  words.map((w) => `## ${w}`),
  fc.array(words, { minLength: 1, maxLength: 3 }).map((items) => items.map((i, n) => (n % 2 ? `${n + 1}. ${i}` : `- ${i}`)).join('\n')),
  fc.array(words, { minLength: 1, maxLength: 3 }).map((items) => items.map((i) => `  - ${i}`).join('\n')),
  words.map((w) => `> ${w}\n> ${w}`),
  words.map((w) => '```\n' + w + '\n```'),
  words.map((w) => `    ${w}`),
  words.map((w) => `<div>\n${w}\n</div>`),
  words.map((w) => `| a | b |\n|---|---|\n| ${w} | x |`),
  words.map((w) => `${w}\n---`),
  fc.constantFrom('---\ntitle: A post\n---', '[ref]: https://example.com', '***'),
)
const document = fc.tuple(fc.array(block, { minLength: 1, maxLength: 7 }), fc.constantFrom('\n\n', '\n', '\n\n\n')).map(([blocks, gap]) => blocks.join(gap) + '\n')
/** Fixes of distinct, non-overlapping line ranges, with text of any number of lines (none deletes). */
const fixesOf = (source: string): fc.Arbitrary<LineFix[]> => {
  const count = source.split('\n').length - 1
  return fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, count) }), { minLength: 1, maxLength: 3 }).chain((starts) =>
    fc.tuple(...starts.sort((a, b) => a - b).map((startLine) => fc.tuple(fc.integer({ min: 0, max: 1 }), fc.array(line, { minLength: 0, maxLength: 2 })).map(([extra, text]) => ({ startLine, endLine: Math.min(count, startLine + extra), text: text.join('\n') })))),
  ).map((fixes) => fixes.filter((f, i) => i === 0 || f.startLine > (fixes[i - 1] as LineFix).endLine))
}

describe('spliceParse', () => {
  it('re-parses only the fixed block of a post, and the tree is the whole parse', () => {
    const source = '---\ntitle: T\n---\n\nFirst paragraph.\n\n## A heading\n\nSecond paragraph,\nwith two lines.\n\n- a list\n- of two\n\nLast.\n'
    expect(check(source, [{ startLine: 9, endLine: 9, text: 'Second paragraph, fixed,' }])).toBe(true)
    expect(check(source, [{ startLine: 7, endLine: 7, text: '## A fixed heading' }, { startLine: 13, endLine: 13, text: '- of two, fixed' }])).toBe(true)
    expect(check(source, [{ startLine: 15, endLine: 15, text: 'Last, and more.\nAnother line.' }])).toBe(true)
  })

  it('parses the whole post where a block could read the rest of it or the fix changes what the blocks around are', () => {
    const source = 'Intro.\n\n- a list\n\nA paragraph.\n\nMore.\n'
    // Indented, the paragraph would join the list before it; a fence would run to the end.
    expect(check(source, [{ startLine: 5, endLine: 5, text: '  A paragraph.' }])).toBe(false)
    expect(check(source, [{ startLine: 5, endLine: 5, text: '```' }])).toBe(false)
    expect(check(`${source}\n[x]: https://example.com\n`, [{ startLine: 5, endLine: 5, text: 'A [x] paragraph.' }])).toBe(false)
  })

  it('gives the whole parse on every line of the fixture post changed', () => {
    const source = readFileSync(join(import.meta.dirname, '../../fixtures/posts/beam-flink-part2.md'), 'utf8').replace(/\[[^\]\n]*\]:[^\n]*\n/g, '')
    const lines = source.split('\n')
    let spliced = 0
    // Every sixth line keeps the test quick.
    for (let n = 1; n < lines.length; n += 6) {
      if ((lines[n - 1] ?? '').trim() === '') continue
      if (check(source, [{ startLine: n, endLine: n, text: `${lines[n - 1]} and more` }])) spliced++
    }
    expect(spliced).toBeGreaterThan(lines.length / 24)
  })

  it('gives the whole parse wherever it splices, on generated posts and fixes', () => {
    fc.assert(fc.property(document.chain((source) => fc.tuple(fc.constant(source), fixesOf(source))), ([source, fixes]) => void check(source, fixes)), { numRuns: 500 })
  })
})
