import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { loadCachedCommonJs } from '../../src/core/cached-script.js'
import { posTaggerBundle } from '../../src/vale/pos-tags.js'

type Tagger = () => { tag(tokens: { value: string; tag: string }[]): { value: string; pos: string }[] }
const tokens = () => 'Policies apply to tables , partitions and schemas that we ran yesterday .'.split(' ').map((value) => ({ value, tag: /^\w/.test(value) ? 'word' : 'punctuation' }))

describe("the build's bundle of wink-pos-tagger", () => {
  it('starts from its V8 code cache, which this Node accepts', () => {
    expect(loadCachedCommonJs<Tagger>(posTaggerBundle()).codeCacheAccepted).toBe(true)
  })

  it('tags as the package does', () => {
    const bundled = loadCachedCommonJs<Tagger>(posTaggerBundle()).exports()
    const pkg = (createRequire(import.meta.url)('wink-pos-tagger') as Tagger)()
    const pos = (tagger: ReturnType<Tagger>) => tagger.tag(tokens()).map((t) => `${t.value}/${t.pos}`)
    expect(pos(bundled)).toEqual(pos(pkg))
    expect(pos(bundled)).toContain('schemas/NNS')
  })
})
