import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../src/markdown/parse.js'
import { collectProse } from '../../src/markdown/prose-ranges.js'
import { nameConsistency } from '../../src/rules/checks/name-consistency.js'

/** The slips found in a post, as "written -> replacement". */
function slips(source: string, termWords: readonly string[] = []): string[] {
  const ranges = collectProse(parseMarkdown(source), source)
  return nameConsistency({}, new Set(termWords))(ranges).map((m) => `${m.range?.text.slice(m.start, m.end)} -> ${m.replacement}`)
}

const threeTimes = 'Flink ships a Table Store. The Table Store keeps tables, and the Table Store serves queries.\n\n'

describe('a name the post writes one way and once another way', () => {
  it('takes the post\'s usual spelling, keeping a plural and a possessive ending out of the edit', () => {
    expect(slips(`${threeTimes}So table stores can't know the result.\n`)).toEqual(['table stores -> Table Stores'])
    expect(slips('DataFusion plans. DataFusion runs. DataFusion scales.\n\nDatafusion\'s planner is fast.\n')).toEqual(['Datafusion -> DataFusion'])
  })

  it('needs a clear majority: three uses, three times as many as the others', () => {
    expect(slips('DataFusion plans. DataFusion runs.\n\nDatafusion is fast.\n')).toEqual([])
    expect(slips('DataFusion plans. DataFusion runs. DataFusion scales.\n\nDatafusion is fast. Datafusion is new.\n')).toEqual([])
  })

  it('never changes a lower-case one-word name, which may be the package, repository or header', () => {
    expect(slips('DataFusion plans. DataFusion runs. DataFusion scales.\n\nInstall datafusion first.\n')).toEqual([])
  })

  it('leaves lower-case words after an adjective, which describe rather than name', () => {
    expect(slips('Use Stateful Functions. With Stateful Functions, and Stateful Functions alone.\n\nWrite stateful functions.\n')).toEqual([])
  })

  it('does not count capitals that say nothing: sentence starts, headings, bold labels, longer names', () => {
    expect(slips('Table Store is new. Table Store is fast.\n\n## Table Store\n\nClick **Table Store** there, then the Flink Table Store Docs.\n\nThe table store works.\n')).toEqual([])
  })

  it('leaves names glued to hosts and paths, and the terms of the rule set', () => {
    expect(slips('OpenTelemetry runs. OpenTelemetry scales. OpenTelemetry wins.\n\nSee Opentelemetry.io now.\n')).toEqual([])
    expect(slips('GitHub runs. GitHub scales. GitHub wins. Github too.\n', ['GitHub'])).toEqual([])
  })
})
