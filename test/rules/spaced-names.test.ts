import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../src/config/repo-config.js'
import { createLinter } from '../../src/lint/linter.js'
import { loadLintAssets } from '../../src/lint/lint-assets.js'

const assets = loadLintAssets()

/** The terms findings of a post, as "written -> replacement", with a repository's own terms. */
function spelled(source: string, terms: readonly string[] = []): string[] {
  const { linter } = createLinter({ config: { ...DEFAULT_CONFIG, terms: [...terms] }, assets })
  const result = linter.lint('post.md', source)
  if (result.kind !== 'linted') return []
  return result.findings.filter((f) => f.ruleId === 'terms' || f.ruleId === 'product-names').map((f) => `${f.actual} -> ${f.expected[0] ?? f.message}`)
}

describe('a one-word name written as two capitalised words', () => {
  it('is corrected mid-sentence, also for a repository\'s own terms and across a line break', () => {
    expect(spelled('We added Open Telemetry support last year. OpenTelemetry is here.\n')).toEqual(['Open Telemetry -> OpenTelemetry'])
    expect(spelled('The planner of Data Fusion is fast. DataFusion plans.\n', ['DataFusion'])).toEqual(['Data Fusion -> DataFusion'])
    expect(spelled('We export the traces to Open\nTelemetry backends. OpenTelemetry helps.\n')).toEqual(['Open\nTelemetry -> OpenTelemetry'])
  })

  it('is corrected only where the post writes the name whole too (terms are fixed unreviewed)', () => {
    expect(spelled('We added Open Telemetry support last year.\n')).toEqual([])
    expect(spelled('We sell the Enterprise DB edition to banks.\n')).toEqual([])
  })

  it('is left alone at a sentence start, in bold, inside a longer run of capitals or in lower case', () => {
    expect(spelled('Open Search settings first. Click **Open Search** then.\n')).toEqual([])
    expect(spelled('It runs on Google Cloud Data Fusion and the Open Telemetry Collector.\n', ['DataFusion'])).toEqual([])
    expect(spelled('We care about open telemetry and open search as ideas.\n')).toEqual([])
  })

  it('splits a name of ordinary words from the brand list only before an acronym', () => {
    expect(spelled('The queue runs on Rabbit MQ here, as RabbitMQ does.\n')).toEqual(['Rabbit MQ -> RabbitMQ'])
    expect(spelled('We page the team through Pager Duty and Sound Cloud.\n')).toEqual([])
  })
})
