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
