import { describe, expect, it } from 'vitest'
import type { ProseRange } from '../../src/markdown/prose-doc.js'
import { openers } from '../../src/rules/checks/opener-comma.js'
import { DEFAULT_CONFIG } from '../../src/config/repo-config.js'
import { createLinter } from '../../src/lint/linter.js'
import { assets } from '../support/lint-assets.js'

const range = (text: string): ProseRange => ({ scope: 'paragraph', text, offsets: new Int32Array(text.length) })
const found = (text: string): [string, boolean][] => openers(range(text)).map((o) => [o.text, o.comma])

describe('opener-comma openers', () => {
  it('finds adverbs, phrases and time phrases before a subject, with or without their comma', () => {
    expect(found('Today we welcome the next iteration. This time, we’re excited. In this mode the mesh functionality is split.')).toEqual([
      ['Today', false],
      ['This time', true],
      ['In this mode', false],
    ])
    expect(found('At the end of this post you will know. Besides the classic sidecar mode, Istio can run.')).toEqual([
      ['At the end of this post', false],
      ['Besides the classic sidecar mode', true],
    ])
  })

  it('leaves nouns that take a clause, subordinators and set phrases alone', () => {
    expect(found('At the time we wrote it, no one used it. In the event the job fails it restarts. Every time a job fails, it restarts.')).toEqual([])
    expect(found('Here we go. Now we test. In practice this means one slot. For the example job we mentioned above, the graph grows.')).toEqual([])
  })
})

describe('opener-comma in a post', () => {
  const { linter } = createLinter({ config: DEFAULT_CONFIG, assets })
  const flagged = (post: string): string[] => {
    const result = linter.lint('blog/post.md', post)
    return result.kind === 'linted' ? result.findings.filter((f) => f.ruleId === 'opener-comma').map((f) => f.message) : []
  }

  it('follows the post: more openers with the comma make the bare one a slip; a tie or a habit does not', () => {
    expect(flagged('In this post, we explain it.\n\nFirst, we take one.\n\nBelow you will find the steps.\n')).toHaveLength(1)
    expect(flagged('In this post, we explain it.\n\nBelow you will find the steps.\n')).toEqual([])
    expect(flagged('In this post, we explain it.\n\nFirst, we take one.\n\nBelow we list them. Below we show them.\n')).toEqual([])
  })
})
