import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../src/config/repo-config.js'
import { createLintPool } from '../../src/lint-pool/lint-pool.js'
import { hostilePosts } from '../support/hostile-posts.js'

const pool = createLintPool({ threads: 1 })
afterAll(() => pool.close())

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)
const request = (path: string, text: string, budgetMs?: number) => ({ config: DEFAULT_CONFIG, extraRuleFiles: [], path, bytes: bytes(text), ...(budgetMs ? { budgetMs } : {}) })

describe('the lint pool', () => {
  it('lints on a worker thread with the same findings as the linter', async () => {
    const result = await pool.lint(request('blog/a.md', 'We utilize the the tools.\n'))
    expect(result.kind).toBe('linted')
    expect(result.kind === 'linted' && result.findings.map((f) => f.ruleId)).toContain('repeated-words')
  })

  it('lists every hostile post as not reviewed with the reason, and still reviews the normal ones', async () => {
    const hostile = hostilePosts().map((p, i) => pool.lint(request(`blog/hostile-${i}.md`, p.source)))
    const normal = Array.from({ length: 5 }, (_, i) => pool.lint(request(`blog/normal-${i}.md`, 'We utilize the the tools.\n')))
    for (const result of await Promise.all(hostile)) expect(result).toMatchObject({ kind: 'skipped', skipped: { reason: expect.stringMatching(/limit|deep|budget/) } })
    for (const result of await Promise.all(normal)) expect(result.kind).toBe('linted')
  })

  it('keeps the event loop free while a post over its budget is linted', async () => {
    const paragraph = 'The job reads events from Kafka and writes them to a table, once per second.\n\n'
    let ticks = 0
    const timer = setInterval(() => ticks++, 5)
    const result = await pool.lint(request('blog/long.md', `# Long\n\n${paragraph.repeat(6000)}`, 200))
    clearInterval(timer)
    expect(result).toEqual({ kind: 'skipped', skipped: { path: 'blog/long.md', reason: 'took longer than the 200 ms budget (lintBudgetMs)' } })
    // A lint on this thread would have held the timer until it ended.
    expect(ticks).toBeGreaterThan(10)
  })
})
