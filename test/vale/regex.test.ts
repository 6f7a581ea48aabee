import { describe, expect, it } from 'vitest'
import { compileValeRegex, regexFor, ValeRegexError } from '../../src/vale/regex.js'

const find = (pattern: string, text: string, ignoreCase = false): string[] => {
  const re = regexFor(compileValeRegex(pattern, { ignoreCase }), text)
  re.lastIndex = 0
  return [...text.matchAll(re)].map((m) => m[0])
}

describe('Vale regex dialect to JavaScript', () => {
  it('scopes inline flags to where Go applies them, mid-pattern too', () => {
    expect(find('(?i)foo(?-i)Bar', 'FOOBar fooBar FOObar')).toEqual(['FOOBar', 'fooBar'])
    expect(find('a(?i:b)c', 'abc aBc ABC aBC')).toEqual(['abc', 'aBc'])
    expect(find('x[a-c](?i)[d-e]', 'xaD xAd xbe')).toEqual(['xaD', 'xbe'])
  })

  it('reads \\w, \\b and \\d as Unicode, as regexp2 does', () => {
    expect(find('\\bcafé\\b', 'un café noir, cafés')).toEqual(['café'])
    expect(find('\\w+', 'naïve ünïcode')).toEqual(['naïve', 'ünïcode'])
    expect(find('\\d+', '٣٤ 12')).toEqual(['٣٤', '12'])
  })

  it('gives Go meanings to ., ^, $ and (?m), (?s)', () => {
    expect(find('a.b', 'a\nb axb')).toEqual(['axb'])
    expect(find('(?s)a.b', 'a\nb')).toEqual(['a\nb'])
    expect(find('(?m)^x', 'x\nx')).toEqual(['x', 'x'])
    expect(find('^x', 'x\nx')).toEqual(['x'])
    expect(find('(?m)and$', 'and this and\nmore')).toEqual(['and'])
  })

  it('keeps lookarounds, named groups and backreferences numbered across joined tokens', () => {
    expect(find('(?<=\\$)\\d+', 'cost $5 or 6')).toEqual(['5'])
    expect(find('(?P<w>\\w+) \\k<w>', 'no no')).toEqual(['no no'])
    expect(find('(a)|(b)\\2', 'bb a')).toEqual(['bb', 'a'])
  })

  it('reads POSIX classes, \\pL, \\Q..\\E and literal braces', () => {
    expect(find('[[:upper:]]+', 'abc DEF')).toEqual(['DEF'])
    expect(find('\\pL+', '12 Ωmega')).toEqual(['Ωmega'])
    expect(find('\\Q1+1\\E', '1+1=2')).toEqual(['1+1'])
    expect(find('x{,2}', 'x{,2}')).toEqual(['x{,2}'])
  })

  it('refuses what it cannot translate, saying why', () => {
    expect(() => compileValeRegex('(?>a)')).toThrow(/atomic groups/)
    expect(() => compileValeRegex('a*+')).toThrow(/possessive/)
    expect(() => compileValeRegex('(a')).toThrow(ValeRegexError)
  })

  it('refuses catastrophic backtracking, but not a repeat ended by a character it cannot match', () => {
    expect(() => compileValeRegex('(a+)+b')).toThrow(/backtrack/)
    expect(() => compileValeRegex('(\\w+\\s?)+$')).toThrow(/backtrack/)
    expect(() => compileValeRegex('(a|a)+$')).toThrow(/alternatives `a` and `a`/)
    expect(find('(?:[^,]+,){1,}\\s\\w+\\s(?:and|or)', 'Apples, pears or plums')).toEqual(['Apples, pears or'])
  })
})
