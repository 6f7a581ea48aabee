import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runWithBudget } from '../../src/guard/budget.js'
import { findShapeProblem } from '../../src/guard/post-shape.js'

const limits = { maxLineLength: 1000, maxNesting: 10 }

describe('findShapeProblem', () => {
  it('passes every real post in the fixtures', () => {
    const dir = new URL('../../fixtures/posts/', import.meta.url)
    const posts = readdirSync(dir).filter((f) => f.endsWith('.md'))
    expect(posts.length).toBeGreaterThan(0)
    for (const post of posts) expect(findShapeProblem(readFileSync(new URL(post, dir), 'utf8')), post).toBeUndefined()
  })

  it('refuses a line over the length limit, naming it', () => {
    expect(findShapeProblem(`a\n${'x'.repeat(1000)}\n`, limits)).toBeUndefined()
    expect(findShapeProblem(`a\n\n${'x'.repeat(1001)}\n`, limits)).toEqual({ line: 3, reason: 'line 3 is 1,001 characters long, over the limit of 1,000' })
  })

  it('counts list and blockquote markers opening a line', () => {
    expect(findShapeProblem(`${'- '.repeat(10)}x`, limits)).toBeUndefined()
    expect(findShapeProblem(`${'- '.repeat(11)}x`, limits)?.reason).toBe('line 1 nests lists or blockquotes 11 levels deep, over the limit of 10')
    expect(findShapeProblem(`${'>'.repeat(11)} x`, limits)?.line).toBe(1)
    expect(findShapeProblem(`${'> 1. '.repeat(6)}x`, limits)?.line).toBe(1)
    expect(findShapeProblem(`${'1) '.repeat(11)}x`, limits)?.line).toBe(1)
  })

  it('counts indentation before a list marker as nesting, but not in other lines', () => {
    const nested = Array.from({ length: 12 }, (_, depth) => `${'  '.repeat(depth)}- item`).join('\n')
    expect(findShapeProblem(nested, limits)?.line).toBe(11)
    expect(findShapeProblem(`${' '.repeat(40)}code, indented deeply\n`, limits)).toBeUndefined()
    expect(findShapeProblem('-1 is not a list, nor is 3.14 or *emphasis*\n', limits)).toBeUndefined()
  })

  it('counts brackets open within a paragraph; a blank line closes them', () => {
    expect(findShapeProblem(`${'[('.repeat(5)}x${')]'.repeat(5)}`, limits)).toBeUndefined()
    expect(findShapeProblem(`${'[('.repeat(6)}x`, limits)?.reason).toBe('brackets on line 1 nest more than 10 levels deep')
    expect(findShapeProblem(`${'(\n'.repeat(6)}\n${'(\n'.repeat(6)}`, limits)).toBeUndefined()
    expect(findShapeProblem('(a) (b) (c) (d) (e) (f) (g) (h) (i) (j) (k) (l)', limits)).toBeUndefined()
  })
})

describe('closing brackets far from an opening one (the footnote check looks back over the paragraph for each)', () => {
  const lookback = { ...limits, maxLineLength: 100_000, maxBracketLookback: 10_000 }
  const lines = (n: number, line: string): string => Array.from({ length: n }, () => line).join('\n')

  it('refuses a paragraph of many lone "]"s, naming where it starts and where the limit is passed', () => {
    const problem = findShapeProblem(`# A post\n\n${lines(200, 'x]')}\n`, lookback)
    expect(problem?.line).toBe(84)
    expect(problem?.reason).toBe('the paragraph from line 3 to line 84 has 82 closing brackets "]", most far from an opening "[": the Markdown parser looks back over the paragraph for each one, a time that grows with the square of their number (over the limit of 10,000 characters looked back over)')
  })

  it('passes the same brackets each near its "[", split by blank lines, headings or list items, in code, or escaped', () => {
    expect(findShapeProblem(lines(2000, 'see [x] and [y]'), lookback)).toBeUndefined()
    expect(findShapeProblem(lines(2000, 'x]\n'), lookback)).toBeUndefined()
    expect(findShapeProblem(lines(2000, '- x]'), lookback)).toBeUndefined()
    expect(findShapeProblem(lines(2000, '## x]'), lookback)).toBeUndefined()
    expect(findShapeProblem(`\`\`\`json\n${lines(2000, '  [1, 2]]')}\n\`\`\`\n`, lookback)).toBeUndefined()
    expect(findShapeProblem(lines(2000, 'x\\]'), lookback)).toBeUndefined()
  })

  it('counts the lines of a quote as one paragraph, as the parser does', () => {
    expect(findShapeProblem(lines(200, '> x]'), lookback)?.line).toBeGreaterThan(1)
  })

  it('passes every real post in the fixtures at a hundredth of the default limit', () => {
    const dir = new URL('../../fixtures/posts/', import.meta.url)
    for (const post of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      expect(findShapeProblem(readFileSync(new URL(post, dir), 'utf8'), { maxLineLength: 1e9, maxNesting: 1e9, maxBracketLookback: 50_000 }), post).toBeUndefined()
    }
  })
})

describe('runWithBudget', () => {
  it('stops a catastrophic regex at the budget', () => {
    const result = runWithBudget(() => /(a|a)+$/.test(`${'a'.repeat(40)}b`), 50)
    expect(result).toEqual({ ok: false, reason: 'took longer than the 50 ms budget (lintBudgetMs)' })
  })

  it('reports a stack overflow as a reason, not a crash', () => {
    const deep = (n: number): number => (n === 0 ? 0 : 1 + deep(n - 1))
    expect(runWithBudget(() => deep(1e7), 10_000)).toEqual({ ok: false, reason: 'nested too deeply to parse (the stack overflowed)' })
  })

  it('returns the value of a run within the budget, and rethrows other errors', () => {
    expect(runWithBudget(() => 42, 1000)).toEqual({ ok: true, value: 42 })
    expect(() => runWithBudget(() => JSON.parse('{'), 1000)).toThrow(SyntaxError)
  })
})
