import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../src/config/repo-config.js'
import { runItem, scoreEdits, type EditScore } from '../../src/evaluate/evaluate-item.js'
import { renderReport } from '../../src/evaluate/report.js'
import { parseReviewItems } from '../../src/evaluate/review-item.js'
import { tallyBy, tallyRules, type ItemResult } from '../../src/evaluate/tally.js'
import { createLinter } from '../../src/lint/linter.js'
import { assets } from '../support/lint-assets.js'

const file = 'fixtures/reviews/sample.jsonl'
const items = parseReviewItems(file, readFileSync(file, 'utf8'))
const { linter } = createLinter({ assets, config: DEFAULT_CONFIG })

function evaluate(): ItemResult[] {
  return items.map((item) => {
    const outcome = runItem(linter, item)
    const byRule = new Map<string, EditScore>()
    if (item.suggestion !== null) for (const [rule, line] of outcome.botLineByRule) byRule.set(rule, scoreEdits(item.original, item.suggestion, line))
    const score = item.suggestion === null ? undefined : scoreEdits(item.original, item.suggestion, outcome.botLine)
    return { id: item.id, repo: item.repo, category: item.category, seed: item.repo === 'example/seed', flagged: outcome.findings.length > 0, ...(score ? { score } : {}), byRule }
  })
}

describe('eval report', () => {
  it('scores each item against the editor line and attributes edits to rules', () => {
    const results = evaluate()
    const doubled = results.find((r) => r.id === 'docs-2-1')
    expect(doubled?.score).toEqual({ botEdits: 1, matchedEdits: 1, exact: true })
    expect(doubled?.byRule.get('repeated-words')).toEqual({ botEdits: 1, matchedEdits: 1, exact: true })
    const byRepo = tallyBy(results.filter((r) => !r.seed), (r) => r.repo)
    expect(byRepo.get('example/docs')).toMatchObject({ items: 2, withSuggestion: 2, hits: 1, exact: 1 })
    expect(byRepo.get('example/blog')).toMatchObject({ items: 1, withSuggestion: 0 })
    const rules = tallyRules(results.filter((r) => !r.seed))
    expect(rules.get('repeated-words')?.hitRepos).toEqual(new Set(['example/docs']))
  })

  it('prints the bars on non-seed suggestions and the category, repository and rule tables', () => {
    const text = renderReport(evaluate()).join('\n')
    expect(text).toMatch(/non-seed suggestions \(seed review 1 scored apart\): 2/)
    expect(text).toMatch(/with at least one editor edit\s+1\/2\s+50\.0%\s+bar >= 35%\s+met/)
    expect(text).toMatch(/exactly the editor line\s+1\/2\s+50\.0%\s+bar >= 15%\s+met/)
    expect(text).toMatch(/^repeated-word\s+1\s+1\s+1\s+1\s+100\.0%/m)
    expect(text).toMatch(/^example\/docs\s+2\s+2/m)
    expect(text).toMatch(/^repeated-words\s+1\s+1\s+1\/1/m)
    expect(text).not.toMatch(/^example\/seed/m)
  })

  it('names the file and line of a malformed item', () => {
    expect(() => parseReviewItems('x.jsonl', '{"id":"a"}\n')).toThrow(/x\.jsonl:1: field "repo" must be a string/)
    expect(() => parseReviewItems('x.jsonl', '\n{oops\n')).toThrow(/x\.jsonl:2: not JSON/)
  })
})

describe('review item context', () => {
  it('drops a code block cut open at the start of the hunk', async () => {
    const { withoutCutFence } = await import('../../src/evaluate/evaluate-item.js')
    expect(withoutCutFence('  FROM s;\n```\n\n## Syntax\n')).toBe('\n## Syntax\n')
    expect(withoutCutFence('Text\n```sql\nSELECT 1;\n```\n')).toBe('Text\n```sql\nSELECT 1;\n```\n')
  })

  it('drops the fields of a front matter cut above its opening ---', async () => {
    const { withoutCutFrontMatter } = await import('../../src/evaluate/evaluate-item.js')
    expect(withoutCutFrontMatter('title: Sets\nsummary: The usage of sets.\n---\n\n# Sets\n')).toBe('\n# Sets\n')
    expect(withoutCutFrontMatter('date: 2025-08-21\ncategories:\n  - update\nexcerpt: >\n    Learn how.\n---\n')).toBe('')
    expect(withoutCutFrontMatter('---\ntitle: Sets\n---\n\nText.\n')).toBe('---\ntitle: Sets\n---\n\nText.\n')
    expect(withoutCutFrontMatter('A paragraph line.\n---\n')).toBe('A paragraph line.\n---\n')
  })

  it('drops the indented lines of a list item cut at the start of the hunk', async () => {
    const { withoutCutIndent, runItem } = await import('../../src/evaluate/evaluate-item.js')
    expect(withoutCutIndent('    > Note\n\n4. Step\n\n    More\n')).toBe('4. Step\n\n    More\n')
    expect(withoutCutIndent('Text\n\n    code\n')).toBe('Text\n\n    code\n')
    expect(withoutCutIndent('    all\n    indented\n')).toBe('    all\n    indented\n')
    const { DEFAULT_CONFIG } = await import('../../src/config/repo-config.js')
    const { createLinter } = await import('../../src/lint/linter.js')
    const { loadLintAssets } = await import('../../src/lint/lint-assets.js')
    const { linter } = createLinter({ config: DEFAULT_CONFIG, assets: loadLintAssets() })
    const outcome = runItem(linter, { file: 'post.md', context: '    > cut note\n\n4. Call the API.\n\n    > **Note:** only one example.\n\n', original: '    Call the endpoint with cURL.' })
    expect(outcome.botLine).toBe('    Call the endpoint with curl.')
  })
})
