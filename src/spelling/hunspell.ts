import type { StemTable } from './stem-table.js'

/**
 * A Hunspell-compatible word checker for the bundled English dictionary. It checks a
 * word the way Hunspell does, by stripping affixes back to a dictionary stem, instead
 * of expanding every stem into every form: a few MB instead of the ~80 MB of a full
 * expansion, which matters when each worker thread holds its own copy.
 */
interface Affix {
  readonly flag: string
  readonly strip: string
  readonly add: string
  readonly condition: RegExp
  readonly cross: boolean
}

export interface WordChecker {
  isKnown(word: string): boolean
  /** The dictionary lists this capitalised word itself (a name such as "Apache"). */
  isName(word: string): boolean
  /** Corrections the dictionary knows for the commonest typos: swapped neighbours, doubled or undoubled letters. */
  corrections(word: string): string[]
}

export function createChecker(aff: string, stems: StemTable): WordChecker {
  const { prefixes, suffixes } = parseAff(aff)
  const withFlag = (stem: string, flag: string): boolean => stems.hasFlag(stem, flag)

  // Suffixes indexed by their last letter: a word is only compared with suffixes it can end with.
  const emptySuffixes = suffixes.filter((s) => s.add === '')
  const suffixIndex = new Map<string, Affix[]>()
  for (const s of suffixes) {
    const key = s.add.slice(-1)
    if (key) suffixIndex.set(key, [...(suffixIndex.get(key) ?? emptySuffixes), s])
  }
  const bySuffix = (word: string, needCross: boolean): boolean => {
    for (const s of suffixIndex.get(word.slice(-1)) ?? emptySuffixes) {
      if ((needCross && !s.cross) || !word.endsWith(s.add) || word.length <= s.add.length) continue
      const stem = word.slice(0, word.length - s.add.length) + s.strip
      // The hash lookup first: it rules out nearly every candidate before the condition's regex runs.
      if (withFlag(stem, s.flag) && s.condition.test(stem)) return true
    }
    return false
  }

  const known = (word: string): boolean => {
    // Flag c: the stem is only valid inside a compound.
    if (stems.has(word) && !stems.hasFlag(word, 'c')) return true
    if (bySuffix(word, false)) return true
    for (const p of prefixes) {
      if (!word.startsWith(p.add) || word.length <= p.add.length) continue
      const stem = p.strip + word.slice(p.add.length)
      if (!p.condition.test(stem)) continue
      if (withFlag(stem, p.flag)) return true
      if (p.cross && suffixes.some((s) => s.cross && stem.endsWith(s.add) && withFlagAfterSuffix(stem, s, p.flag))) return true
    }
    return false
  }
  const withFlagAfterSuffix = (word: string, s: Affix, prefixFlag: string): boolean => {
    const stem = word.slice(0, word.length - s.add.length) + s.strip
    return withFlag(stem, s.flag) && withFlag(stem, prefixFlag) && s.condition.test(stem)
  }

  const cache = new Map<string, boolean>()
  const isKnown = (raw: string): boolean => {
    const hit = cache.get(raw)
    if (hit !== undefined) return hit
    if (cache.size > 100_000) cache.clear()
    const result = isKnownUncached(raw)
    cache.set(raw, result)
    return result
  }
  const isKnownUncached = (raw: string): boolean => {
    const word = raw.replace(/’/g, "'")
    if (/\d/.test(word) || known(word)) return true
    const lower = word.toLowerCase()
    if (word !== lower && (known(lower) || known(lower.charAt(0).toUpperCase() + lower.slice(1)))) return true
    return false
  }

  const correctionCache = new Map<string, string[]>()
  const corrections = (word: string): string[] => {
    const hit = correctionCache.get(word)
    if (hit) return hit
    if (correctionCache.size > 10_000) correctionCache.clear()
    const result = correctionsUncached(word)
    correctionCache.set(word, result)
    return result
  }
  const correctionsUncached = (word: string): string[] => {
    const lower = word.toLowerCase()
    const seen = new Set<string>()
    const out: string[] = []
    const consider = (c: string): void => {
      if (c.length < 2 || seen.has(c)) return
      seen.add(c)
      if (known(c)) out.push(c)
    }
    // Only the typos worth correcting: two swapped neighbours, a doubled letter, a lost double.
    for (let i = 0; i + 1 < lower.length; i++) {
      consider(lower.slice(0, i) + lower[i + 1] + lower[i] + lower.slice(i + 2))
      if (lower[i] === lower[i + 1]) consider(lower.slice(0, i) + lower.slice(i + 1))
    }
    for (let i = 0; i < lower.length; i++) consider(lower.slice(0, i + 1) + lower.slice(i))
    return out
  }

  return { isKnown, isName: (word) => stems.has(word) && /^\p{Lu}/u.test(word), corrections }
}

function parseAff(aff: string): { prefixes: Affix[]; suffixes: Affix[] } {
  const prefixes: Affix[] = []
  const suffixes: Affix[] = []
  const cross = new Map<string, boolean>()
  for (const line of aff.split('\n')) {
    const parts = line.trim().split(/\s+/)
    if (parts[0] !== 'PFX' && parts[0] !== 'SFX') continue
    const [kind, flag = '', strip = '', add = '', condition = '.'] = parts
    if (parts.length === 4 && (strip === 'Y' || strip === 'N')) {
      cross.set(`${kind}${flag}`, strip === 'Y')
      continue
    }
    const affix: Affix = {
      flag,
      strip: strip === '0' ? '' : strip,
      add: add === '0' ? '' : (add.split('/')[0] ?? ''),
      condition: new RegExp(kind === 'SFX' ? `${condition}$` : `^${condition}`, 'u'),
      cross: cross.get(`${kind}${flag}`) === true,
    }
    ;(kind === 'SFX' ? suffixes : prefixes).push(affix)
  }
  return { prefixes, suffixes }
}
