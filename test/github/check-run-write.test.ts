import { describe, expect, it } from 'vitest'
import { planCheckRunWrite } from '../../src/github/check-run-write.js'

const a = (line: number, message = `m${line}`) => ({ path: 'p.md', start_line: line, end_line: line, annotation_level: 'notice' as const, message, title: 'r' })

describe('planCheckRunWrite', () => {
  it('creates a run, 50 annotations per request, when the commit has none', () => {
    const write = planCheckRunWrite(Array.from({ length: 101 }, (_, i) => a(i)), undefined)
    expect(write.kind === 'create' && write.batches.map((b) => b.length)).toEqual([50, 50, 1])
  })

  it('creates a run without annotations when there are no findings', () => {
    expect(planCheckRunWrite([], undefined)).toEqual({ kind: 'create', batches: [[]] })
  })

  it('updates the existing run, sending no annotation, when it already holds these (in any order)', () => {
    expect(planCheckRunWrite([a(1), a(2)], { id: 9, annotations: [a(2), a(1)] })).toEqual({ kind: 'update', id: 9 })
    expect(planCheckRunWrite([], { id: 9, annotations: [] })).toEqual({ kind: 'update', id: 9 })
  })

  it('creates a new run when one annotation differs, is missing or is extra', () => {
    expect(planCheckRunWrite([a(1), a(2)], { id: 9, annotations: [a(1), a(2, 'other')] }).kind).toBe('create')
    expect(planCheckRunWrite([a(1), a(2)], { id: 9, annotations: [a(1)] }).kind).toBe('create')
    expect(planCheckRunWrite([a(1)], { id: 9, annotations: [a(1), a(1)] }).kind).toBe('create')
  })
})
