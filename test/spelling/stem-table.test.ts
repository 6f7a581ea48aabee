import { describe, expect, it } from 'vitest'
import { StemTable } from '../../src/spelling/stem-table.js'

const DIC = '5\nwalk/DGS\nrun\ncafé/S\r\nwalk/Z \n  \ncompound/c\n'

describe('StemTable', () => {
  it('finds stems and their flags, across repeated lines of one word', () => {
    const table = StemTable.build(DIC)
    expect(table.has('walk')).toBe(true)
    expect(table.has('run')).toBe(true)
    expect(table.has('café')).toBe(true)
    expect(table.has('wal')).toBe(false)
    expect(table.has('5')).toBe(false)
    expect(table.hasFlag('walk', 'G')).toBe(true)
    expect(table.hasFlag('walk', 'Z')).toBe(true)
    expect(table.hasFlag('walk', 'X')).toBe(false)
    expect(table.hasFlag('café', 'S')).toBe(true)
    expect(table.hasFlag('run', 'S')).toBe(false)
    expect(table.hasFlag('compound', 'c')).toBe(true)
  })

  it('survives a round trip through bytes, and refuses bytes that are not a table', () => {
    const bytes = StemTable.build(DIC).toBytes()
    const loaded = StemTable.fromBytes(bytes)
    expect(loaded?.hasFlag('walk', 'Z')).toBe(true)
    expect(loaded?.has('café')).toBe(true)
    expect(loaded?.has('nope')).toBe(false)
    expect(StemTable.fromBytes(bytes.subarray(0, bytes.length - 3))).toBeUndefined()
    expect(StemTable.fromBytes(new Uint8Array([1, 2, 3]))).toBeUndefined()
    expect(StemTable.fromBytes(new Uint8Array(64))).toBeUndefined()
  })
})
