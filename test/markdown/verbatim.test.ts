import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../src/markdown/parse.js'
import { collectProse } from '../../src/markdown/prose-ranges.js'

const prose = (source: string): string[] => collectProse(parseMarkdown(source), source).map((r) => r.text.trim())

describe('text no rule may change', () => {
  it('skips a transcript section up to the next heading of its level, keeping its headings', () => {
    const texts = prose('## Intro\n\nWe talked to the team.\n\n## Transcript\n\n### 1- Meet them\n\nSo so it was was great.\n\n## Join us\n\nCome along.\n')
    expect(texts).toEqual(['Intro', 'We talked to the team.', 'Transcript', '1- Meet them', 'Join us', 'Come along.'])
  })

  it('skips a line opened by a speaker name in capitals, not a bold lead-in or a Q&A label', () => {
    const texts = prose('**MIKKO VIITANEN:** I was was there.\n\n**The challenge:** It is hard.\n\n**Q:** Will it work?\n')
    expect(texts).toEqual(['The challenge: It is hard.', 'Q: Will it work?'])
  })

  it('skips release-note items that quote an issue title', () => {
    const texts = prose('- [FLINK-3716](https://issues.apache.org/jira/browse/FLINK-3716) Relax restrictions of DataStream.union()\n- Faster restarts of the the job\n')
    expect(texts.filter((t) => t.includes('Relax'))).toEqual([])
    expect(texts).toContain('Faster restarts of the the job')
  })

  it('skips a post not written in English', () => {
    const spanish = 'En este artículo vamos a explicar qué es un service mesh y los beneficios que puede dar a un cluster de Kubernetes. '.repeat(6)
    expect(prose(`${spanish}\n`)).toEqual([])
    const english = 'In this post we explain what a service mesh is and the benefits it can bring to a Kubernetes cluster. '.repeat(6)
    expect(prose(`${english}\n`)).toHaveLength(1)
  })

  it('masks a comment shortcode, which never renders', () => {
    const texts = prose('Before.\n\n{{< comment >}}\n\n## Draft\n\nTODO\n\n{{< /comment >}}\n\nAfter.\n')
    expect(texts.filter((t) => /\p{L}/u.test(t))).toEqual(['Before.', 'After.'])
  })
})
