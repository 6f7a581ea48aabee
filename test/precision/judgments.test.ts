import { describe, expect, it } from 'vitest'
import { findingKey, formatJudgment, matchJudgments, parseJudgments, type FindingRef } from '../../src/precision/judgments.js'
import { buildTable, density, judgingShortfall, summarize, type SiteFinding } from '../../src/precision/precision-table.js'

const ref = (line: number, actual: string, rule = 'wordiness', file = 'a.md'): SiteFinding => ({ site: 's', file, line, rule, key: findingKey(actual), severity: 'suggestion' })
const tsv = (...rows: string[]): string => ['site\tfile\tline\trule\tkey\tverdict\treason', ...rows].join('\n')

describe('judgments file', () => {
  it('reads rows, skips comments and the header, and writes rows it can read back', () => {
    const line = formatJudgment(ref(3, 'in order to'), 'TP', 'plain\tto')
    const { judgments, errors } = parseJudgments(`# comment\n${tsv(line)}\n\n`)
    expect(errors).toEqual([])
    expect(judgments).toEqual([{ site: 's', file: 'a.md', line: 3, rule: 'wordiness', key: findingKey('in order to'), verdict: 'TP', reason: 'plain to', sourceLine: 3 }])
  })

  it('names the line of a malformed row', () => {
    const { errors } = parseJudgments(tsv('s\ta.md\tx\twordiness\t-\tTP\tr', 's\ta.md\t2\twordiness\t-\tMAYBE\tr', 's\ta.md\t2'))
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4])
    expect(errors[1]?.message).toContain('TP, FP or TASTE')
  })

  it('the key ignores white-space differences (a re-wrapped line)', () => {
    expect(findingKey('in  order\nto')).toBe(findingKey('in order to'))
    expect(findingKey('in order to')).not.toBe(findingKey('In order to'))
  })
})

describe('a finding judged twice', () => {
  it('takes the later judgment, so the finding counts once and the earlier is superseded, not lost', () => {
    const { judgments } = parseJudgments(
      tsv(
        formatJudgment(ref(5, 'pre-defined', 'spelling'), 'TASTE', 'first judge'),
        formatJudgment(ref(9, 'talsk', 'spelling'), 'TP', 'typo'),
        formatJudgment(ref(5, 'pre-defined', 'spelling'), 'TP', 'second judge'),
        formatJudgment(ref(9, 'talsk', 'spelling'), 'TP', 'typo again'),
        formatJudgment(ref(12, 'gone', 'spelling'), 'TP', 'once a TP'),
        formatJudgment(ref(12, 'gone', 'spelling'), 'TASTE', 're-judged'),
      ),
    )
    const table = buildTable({ sites: ['s'], words: { s: 1000 }, rules: [{ id: 'spelling', severity: 'warning' }], findings: [ref(5, 'pre-defined', 'spelling'), ref(9, 'talsk', 'spelling')], judgments })
    expect(table.rows[0]?.judged).toEqual({ TP: 2, FP: 0, TASTE: 0 })
    // A finding no longer reported, re-judged TASTE: resolved, not a lost TP.
    expect(table.rows[0]?.lostTruePositives).toEqual([])
    expect(table.rows[0]?.resolved.map((j) => j.reason)).toEqual(['re-judged'])
    expect(table.superseded.map((s) => [s.earlier.reason, s.later.reason])).toEqual([['first judge', 'second judge'], ['typo', 'typo again'], ['once a TP', 're-judged']])
  })

  it('two findings with the same text on one line keep two judgments', () => {
    const { judgments } = parseJudgments(tsv(formatJudgment(ref(5, 'here', 'links'), 'TP', 'a'), formatJudgment(ref(5, 'here', 'links'), 'TASTE', 'b')))
    const table = buildTable({ sites: ['s'], words: { s: 1000 }, rules: [{ id: 'links', severity: 'warning' }], findings: [ref(5, 'here', 'links'), ref(5, 'here', 'links')], judgments })
    expect(table.rows[0]?.judged).toEqual({ TP: 1, FP: 0, TASTE: 1 })
    expect(table.superseded).toEqual([])
  })
})

describe('matching judgments to findings', () => {
  const judgments = parseJudgments(
    tsv(
      formatJudgment(ref(10, 'in order to'), 'TP', 'r'),
      formatJudgment(ref(20, 'utilize'), 'FP', 'r'),
      's\ta.md\t30\twordiness\t-\tTASTE\thand-written, no key',
      formatJudgment(ref(40, 'old text'), 'FP', 'r'),
    ),
  ).judgments

  it('follows a finding moved by a few lines, and matches keyless judgments by line', () => {
    const findings: FindingRef[] = [ref(12, 'in order to'), ref(20, 'utilize'), ref(30, 'anything')]
    const { byFinding, orphans } = matchJudgments(findings, judgments)
    expect(byFinding.map((j) => j?.verdict)).toEqual(['TP', 'FP', 'TASTE'])
    expect(orphans.map((j) => j.line)).toEqual([40])
  })

  it('a keyed judgment never takes other text on its line (the rule changed what it reports)', () => {
    const { byFinding } = matchJudgments([ref(40, 'new text')], judgments)
    expect(byFinding).toEqual([undefined])
  })

  it('two findings with the same text on one line take two judgments, not one twice', () => {
    const two = parseJudgments(tsv(formatJudgment(ref(5, 'just'), 'TP', 'a'), formatJudgment(ref(5, 'just'), 'FP', 'b'))).judgments
    const { byFinding } = matchJudgments([ref(5, 'just'), ref(5, 'just'), ref(5, 'just')], two)
    // The later judgment is taken first (a re-judgment wins when there are fewer findings).
    expect(byFinding.map((j) => j?.verdict)).toEqual(['FP', 'TP', undefined])
  })

  it('the other site, file or rule never matches', () => {
    const { byFinding } = matchJudgments([{ ...ref(10, 'in order to'), site: 't' }, ref(10, 'in order to', 'filler-words'), ref(10, 'in order to', 'wordiness', 'b.md')], judgments)
    expect(byFinding).toEqual([undefined, undefined, undefined])
  })
})

describe('precision table', () => {
  const judgments = parseJudgments(
    tsv(
      formatJudgment(ref(1, 'a'), 'TP', 'r'),
      formatJudgment(ref(2, 'b'), 'TP', 'r'),
      formatJudgment(ref(3, 'c'), 'FP', 'r'),
      formatJudgment(ref(4, 'd'), 'TASTE', 'r'),
      formatJudgment(ref(5, 'gone'), 'TP', 'r'),
      formatJudgment(ref(6, 'fixed'), 'FP', 'r'),
    ),
  ).judgments
  const findings = [ref(1, 'a'), ref(2, 'b'), ref(3, 'c'), ref(4, 'd'), ref(7, 'new')]
  const table = buildTable({ sites: ['s'], words: { s: 2000 }, rules: [{ id: 'wordiness', severity: 'suggestion' }], findings, judgments })
  const row = table.rows[0]!

  it('counts TASTE against precision and only judged findings reported now', () => {
    expect(row.judged).toEqual({ TP: 2, FP: 1, TASTE: 1 })
    expect(row.precision).toBe(0.5)
    expect(row.unjudged.map((f) => f.line)).toEqual([7])
  })

  it('reports a judged FP that is reported again, a lost TP and a resolved FP', () => {
    expect(row.regressions.map((r) => r.finding.line)).toEqual([3])
    expect(row.lostTruePositives.map((j) => j.line)).toEqual([5])
    expect(row.resolved.map((j) => j.line)).toEqual([6])
  })

  it('density per 1,000 words, the weighted summary and the judging shortfall', () => {
    expect(density(table, 's', ['suggestion'])).toEqual({ count: 5, per1k: 2.5 })
    expect(density(table, 's', ['warning'])).toEqual({ count: 0, per1k: 0 })
    const s = summarize(table.rows)
    expect(s.counts).toEqual({ TP: 2, FP: 1, TASTE: 1 })
    expect(s.weighted).toBe(0.5)
    expect(judgingShortfall(row)).toBe(1)
  })
})
