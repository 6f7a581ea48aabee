/**
 * Which brand names of a maintained list become terms with one right spelling, and which
 * wrong spellings of each are corrected.
 *
 * A name is kept only when a wrong case of it can mean nothing else: one word of letters
 * and digits (or a `.js` library) with a capital inside it ("HashiCorp", "WordPress",
 * "macOS"), not an English word or a jargon word of the field in any case ("serverless",
 * "loopback"), and not already a term of the hand-kept list (whose entry, with its
 * variants, wins).
 *
 * Only two misspellings are corrected: the name in lower case ("wordpress") and with only
 * its first letter capital ("Wordpress", "Hashicorp"). Names without an inner capital are
 * left out: their lower case is the command, namespace or package ("the linkerd namespace",
 * "linkerd inject"), their capitals a house style ("JIRA", "NGINX"), and a one-capital
 * variant is as often a person ("Brandon Ros", "zhenyu xing").
 */
export interface ProductNameSources {
  /** Brand titles as the maintained list spells them. */
  readonly titles: readonly string[]
  /** A word of English or of the field's jargon, given in lower case. */
  readonly isWord: (lowerCase: string) => boolean
  /** How often English speakers use a word (first names and brands that became words count). */
  readonly frequency: (lowerCase: string) => number
  /** Terms (and their variants) that another list already spells. */
  readonly existing: readonly string[]
}

export interface ProductName {
  readonly term: string
  readonly variants: readonly string[]
}

const SHAPE = /^[A-Za-z][A-Za-z0-9]*(?:\.js)?$/
/** A capital inside the name, after a small letter or digit ("GitHub", "macOS", "cPanel"). */
const INNER_CAPITAL = /[a-z0-9][A-Z]/
/** SUBTLEX-US counts a word this often or more (in 51 million words) when it is in common use. */
const COMMON = 20

export function productNames({ titles, isWord, frequency, existing }: ProductNameSources): ProductName[] {
  const taken = new Set(existing.map((t) => t.toLowerCase()))
  const byLower = new Map<string, string>()
  const ambiguous = new Set<string>()
  for (const title of titles) {
    if (!SHAPE.test(title) || title.length < 3 || !INNER_CAPITAL.test(title)) continue
    const lower = title.toLowerCase()
    const stem = lower.replace(/\.js$/, '')
    if (taken.has(lower) || isWord(lower) || isWord(stem) || frequency(lower) >= COMMON) continue
    // Two brands that differ only in case: neither spelling is the one right one.
    const other = byLower.get(lower)
    if (other !== undefined && other !== title) ambiguous.add(lower)
    byLower.set(lower, title)
  }
  return [...byLower]
    .filter(([lower]) => !ambiguous.has(lower))
    .map(([lower, term]) => ({ term, variants: [...new Set([lower, capitalised(lower)])].filter((v) => v !== term) }))
    .filter((name) => name.variants.length > 0)
    .sort((a, b) => a.term.localeCompare(b.term, 'en'))
}

function capitalised(lower: string): string {
  return lower.charAt(0).toUpperCase() + lower.slice(1)
}

/**
 * Brand names the maintained list writes in lower case only ("curl", "containerd"), for
 * the rule that corrects them when given a capital inside ("cURL"). A name another brand
 * or a hand-kept term spells with capitals is left out: neither spelling is the one right one.
 */
export function lowerCaseProductNames({ titles, existing }: Pick<ProductNameSources, 'titles' | 'existing'>): string[] {
  const capitalised = new Set([...titles, ...existing].filter((t) => t !== t.toLowerCase()).map((t) => t.toLowerCase()))
  const names = titles.filter((t) => /^[a-z][a-z0-9]*(?:\.js)?$/.test(t) && t.replace(/\.js$/, '').length >= 3 && !capitalised.has(t))
  return [...new Set(names)].sort()
}
