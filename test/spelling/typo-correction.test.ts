import { describe, expect, it } from 'vitest'
import { chooseCorrection, correctTypo, oneEditAway, type TypoContext } from '../../src/spelling/typo-correction.js'
import { frequencyFrom } from '../../src/spelling/word-frequency.js'
import { parseWordList } from '../../src/spelling/software-terms.js'

const dictionary = new Set(['environment', 'separate', 'access', 'specific', 'specify', 'probes', 'fire', 'hose', 'month', 'mouthful', 'using', 'icing', 'integration', 'write', 'writes', 'serve', 'stout', 'pillared'])
const counts = frequencyFrom([
  { word: 'environment', count: 650 }, { word: 'separate', count: 1100 }, { word: 'access', count: 1600 },
  { word: 'specific', count: 900 }, { word: 'specify', count: 46 }, { word: 'probes', count: 60 }, { word: 'using', count: 5000 },
  { word: 'icing', count: 90 }, { word: 'integration', count: 33 }, { word: 'writes', count: 421 }, { word: 'Serve', count: 1900 }, { word: 'stout', count: 53 },
  { word: 'behaviour', count: 275 },
])
const context = (post: Record<string, number> = {}, jargon: string[] = []): TypoContext => ({
  isKnown: (w) => dictionary.has(w),
  frequency: counts,
  jargon: new Set(jargon),
  words: new Set(['liveness']),
  usesInPost: (w) => post[w] ?? 0,
})

describe('typo correction', () => {
  it('finds dictionary words one letter missing, extra, wrong or swapped away', () => {
    expect(oneEditAway('enviroment', (w) => dictionary.has(w)).map((c) => c.word)).toEqual(['environment'])
    expect(oneEditAway('seperate', (w) => dictionary.has(w))).toEqual([{ word: 'separate', kind: 'substitution', at: 3 }])
    expect(oneEditAway('accesso', (w) => dictionary.has(w) || w === 'accessor').map((c) => c.kind)).toEqual(['deletion', 'insertion'])
  })

  it('corrects when one candidate dwarfs the others', () => {
    expect(correctTypo('enviroment', context())).toBe('environment')
    expect(correctTypo('specifc', context())).toBe('specific')
  })

  it('corrects a long word whose only neighbour is a dictionary word rare in the counts', () => {
    // "integration" is counted 33 times, under minCount; no other word is one typo away.
    expect(correctTypo('intgration', context())).toBe('integration')
    // A neighbour the counts never saw, one only the jargon list knows, or a short word: no correction.
    expect(correctTypo('pellared', context())).toBeUndefined()
    expect(correctTypo('iptable', context({}, ['iptables']))).toBeUndefined()
    expect(correctTypo('specfy', context())).toBeUndefined()
  })

  it('prefers the candidate the post itself uses, and gives up when two are close', () => {
    expect(correctTypo('accesso', context({ accessor: 2 }, ['accessor']))).toBe('accessor')
    expect(correctTypo('accesso', context({}, ['accessor']))).toBeUndefined()
    expect(chooseCorrection(['away', 'always'], frequencyFrom([{ word: 'away', count: 37000 }, { word: 'always', count: 33000 }]), () => 0)).toBeUndefined()
  })

  it('leaves jargon, real words, coinages, names and repeated words alone', () => {
    expect(correctTypo('upsert', context({}, ['upsert']))).toBeUndefined()
    expect(correctTypo('liveness', context())).toBeUndefined()
    expect(correctTypo('firehose', context())).toBeUndefined()
    expect(correctTypo('monthful', context())).toBeUndefined()
    expect(correctTypo('behaviour', context())).toBeUndefined()
    expect(correctTypo('enviroment', context({ enviroment: 2 }))).toBeUndefined()
  })

  it('never changes the first letter or the ending, and never picks a word against field jargon', () => {
    expect(correctTypo('uprobes', context())).toBeUndefined()
    expect(correctTypo('ising', context())).toBeUndefined()
    expect(correctTypo('integrations', context())).toBeUndefined()
    expect(correctTypo('writev', context())).toBeUndefined()
    expect(correctTypo('sdtout', context({}, ['stdout']))).toBeUndefined()
  })

  it('reads cspell word lists', () => {
    expect(parseWordList('# comment\n*auto*\nBackend\n+ing\n\nfoo bar\n')).toEqual(['auto', 'backend', 'ing'])
  })
})
