import type { WordChecker } from '../../spelling/hunspell.js'

// Forms the dictionary's affix rules do not always cover ("checkpointing").
const SUFFIXES: readonly [string, string][] = [['ing', ''], ['ing', 'e'], ['ed', ''], ['ed', 'e'], ['s', ''], ['es', ''], ['er', ''], ['ers', '']]

/**
 * True for an ordinary English word that sentence case writes in lower case: the
 * dictionary knows its lower-case form and does not list the capitalised form as a name.
 */
export function isCommonWord(word: string, checker: WordChecker): boolean {
  const lower = word.toLowerCase()
  if (!/^\p{Ll}+$/u.test(lower) || checker.isName(lower.charAt(0).toUpperCase() + lower.slice(1))) return false
  return checker.isKnown(lower) || SUFFIXES.some(([suffix, restore]) => lower.endsWith(suffix) && lower.length - suffix.length > 2 && checker.isKnown(lower.slice(0, -suffix.length) + restore))
}
