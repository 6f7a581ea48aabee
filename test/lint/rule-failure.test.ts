import { cpSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_CONFIG } from '../../src/config/repo-config.js'
import { checkReportForPlan } from '../../src/github/check-report.js'
import { createLinter } from '../../src/lint/linter.js'
import { planReview } from '../../src/review/plan-review.js'
import { definitionOf } from '../../src/rules/kinds/registry.js'
import { runCliIn } from '../support/run-cli.js'
import { assets } from '../support/lint-assets.js'

const POST = '# A post\n\nWe did this in order to test it.\n'

/** The heading-levels check, compiled to a checker that throws on every post (a bug, as a rule may have). */
function breakHeadingLevels(): void {
  vi.spyOn(definitionOf({ extends: 'builtin', check: 'heading-levels' })!, 'compile').mockReturnValue(() => {
    throw new TypeError('Cannot read properties of undefined')
  })
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('a rule that throws while linting', () => {
  it('costs its own findings only: the post is linted by the other rules and the failure names the rule', () => {
    breakHeadingLevels()
    const { linter } = createLinter({ assets, config: DEFAULT_CONFIG })
    const result = linter.lint('post.md', POST)
    expect(result.kind).toBe('linted')
    if (result.kind !== 'linted') return
    expect(result.findings.map((f) => f.ruleId)).toContain('wordiness')
    expect(result.ruleFailures).toEqual([{ ruleId: 'heading-levels', message: 'TypeError: Cannot read properties of undefined' }])
  })

  it('is named in the CLI output, after the other rules\' findings, and the CLI exits 2', async () => {
    breakHeadingLevels()
    const dir = mkdtempSync(join(tmpdir(), 'bluepencil-rule-failure-'))
    mkdirSync(join(dir, 'blog'))
    cpSync(new URL('../../fixtures/posts/beam-flink-part2.md', import.meta.url), join(dir, 'blog', 'post.md'))
    const { code, stdout, stderr } = await runCliIn(['lint', 'blog/post.md'], dir)
    expect(stdout).toMatch(/\d+ problems \(/)
    expect(stderr).toContain('blog/post.md: rule heading-levels failed on this post (TypeError: Cannot read properties of undefined); the other rules checked it')
    expect(stderr).toContain('bluepencil: 1 rule run failed (see above); their findings are missing.')
    expect(code).toBe(2)
  })

  it('is named in the check run', () => {
    const files = [{ path: 'blog/post.md', source: POST, patch: '@@ -0,0 +1,3 @@\n+# A post\n+\n+We did this in order to test it.', findings: [] }]
    const plan = planReview({ commitId: 'c', files, postedFingerprints: new Set(), maxComments: 30 })
    const report = checkReportForPlan({ plan, files, failOn: 'never', ruleErrors: [], ruleFailures: [{ path: 'blog/post.md', ruleId: 'heading-levels', message: 'TypeError: boom' }] })
    expect(report.summary).toContain('Rule failed: `heading-levels` on blog/post.md (TypeError: boom); the other rules reviewed the post.')
  })
})
