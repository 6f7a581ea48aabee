import { describe, expect, it } from 'vitest'
import { findLine, sortedTable, sortedTableText } from '../../src/core/sorted-table.js'

describe('sortedTable', () => {
  it('reads every entry of an object without prototype back as it was, and nothing else', () => {
    const table: Record<string, unknown> = Object.create(null)
    const words = ['', 'a', 'aa', 'ab', 'b', 'Zebra', 'zebra', 'zé', 'naïve', '__proto__', 'constructor', 'x y', '日本']
    words.forEach((w, i) => (table[w] = i % 3 === 0 ? [`NN${i}`, 'VB'] : i % 3 === 1 ? i : `w${i}`))
    const lazy = sortedTable(sortedTableText(Object.entries(table)), 'object') as Record<string, unknown>
    for (const w of words) expect(lazy[w]).toEqual(table[w])
    for (const absent of ['toString', 'hasOwnProperty', 'aaa', 'zebras', ' ', 'A', '\t', 'a\nb']) expect(lazy[absent]).toBeUndefined()
  })

  it('gives the same value on every read, as a property would (the tagger may hold on to an entry)', () => {
    const lazy = sortedTable(sortedTableText([['run', ['VB', 'NN']]]), 'object') as Record<string, unknown>
    expect(lazy['run']).toBe(lazy['run'])
  })

  it('serves an array by index, with its length and methods', () => {
    const array = [[26], [15, 3], [], [7]]
    const lazy = sortedTable(sortedTableText(Object.entries(array)), 'array', array.length) as unknown[]
    array.forEach((senses, i) => expect(lazy[i]).toEqual(senses))
    expect(lazy[4]).toBeUndefined()
    expect(lazy.length).toBe(4)
    expect(Array.isArray(lazy)).toBe(true)
    expect(lazy.constructor).toBe(Array)
  })

  it('keeps a write, as an object would', () => {
    const lazy = sortedTable(sortedTableText([['cat', ['NN']]]), 'object') as Record<string, unknown>
    lazy['cat'] = ['VB']
    lazy['dog'] = ['NN']
    expect(lazy['cat']).toEqual(['VB'])
    expect(lazy['dog']).toEqual(['NN'])
  })

  it('finds each of many keys by binary search, and misses between them', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `k${(i * 7919) % 10007}`)
    const text = sortedTableText(keys.map((k, i) => [k, i]))
    keys.forEach((k, i) => expect(findLine(text, k)).toBe(String(i)))
    expect(findLine(text, 'k')).toBeUndefined()
    expect(findLine(text, 'k99999')).toBeUndefined()
    expect(findLine(text, 'l')).toBeUndefined()
    expect(findLine(text, '')).toBeUndefined()
  })

  it('refuses a key a line cannot hold', () => {
    expect(() => sortedTableText([['a\tb', 1]])).toThrow(/tab or a newline/)
    expect(() => sortedTableText([['a\nb', 1]])).toThrow(/tab or a newline/)
  })
})
