import dictionary from 'dictionary-en'

let stems: Set<string> | undefined

/** Stems of the bundled Hunspell English dictionary (affix flags dropped), built once. */
function dictionaryStems(): Set<string> {
  if (!stems) {
    stems = new Set()
    const text = new TextDecoder().decode(dictionary.dic)
    for (const line of text.split('\n').slice(1)) {
      const slash = line.indexOf('/')
      const word = slash === -1 ? line.trim() : line.slice(0, slash)
      if (word) stems.add(word)
    }
  }
  return stems
}

const SUFFIXES: readonly [string, string][] = [
  ['', ''], ['s', ''], ['es', ''], ['ies', 'y'], ['ed', ''], ['ed', 'e'], ['ing', ''], ['ing', 'e'],
  ['er', ''], ['ers', ''], ['ly', ''], ['ment', ''], ['ments', ''], ['ness', ''],
]

function hasStem(word: string): boolean {
  const all = dictionaryStems()
  for (const [suffix, restore] of SUFFIXES) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 2) continue
    const stem = word.slice(0, word.length - suffix.length) + restore
    if (all.has(stem)) return true
    // Doubled final consonant: "getting" -> "get".
    if ((suffix === 'ing' || suffix === 'ed') && stem.length > 2 && stem.at(-1) === stem.at(-2) && all.has(stem.slice(0, -1))) return true
  }
  return false
}

/**
 * True for an ordinary English word that sentence case writes in lower case:
 * the dictionary knows its lower-case form and does not list it as a name.
 */
export function isCommonWord(word: string): boolean {
  const lower = word.toLowerCase()
  const capital = lower.charAt(0).toUpperCase() + lower.slice(1)
  return hasStem(lower) && !dictionaryStems().has(capital)
}
