// Punctuation that wraps a token in prose, stripped before the token is judged.
const LEADING = /^[("'“‘[*«]+/
const TRAILING = /[)"'”’\]*»,;:!?…]+$|\.+$/

/** A letter or digit on each side of a dot: gin.Context, Node.js, example.com, v1.2. */
const DOTTED = /[\p{L}\p{N}]\.[\p{L}\p{N}]/u
/** Abbreviations written with dots between single letters: e.g, i.e, U.S. */
const ABBREVIATION = /^(?:\p{L}\.)+\p{L}?$/u
/** Marks that prose does not use inside a word. */
const CODE_MARK = /[\\_=<>{}|^~@#$`]|::|->|\(\)|%[\p{L}({]|^%/u
/** A path: rooted, relative, home, or with two or more separators. */
const PATH = /^(?:[~.]{0,2}\/[\p{L}\p{N}._-]|[A-Za-z]:[\\/])|[\p{L}\p{N}]\/[^/\s]*\/[\p{L}\p{N}]/u
/** camelCase and similar: a lower-case start followed by a capital (getUser, iOS, eBPF). */
const CAMEL_CASE = /^(\p{Ll}+)\p{Lu}/u
/** Two words typed without their space ("andUpcoming") start with a little word, not an identifier's verb. */
const JOINED_HEAD = new Set(['a', 'an', 'and', 'the', 'but', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'our', 'your', 'their', 'its'])
/**
 * Two sentences typed without their space ("address.This"): a lower-case word, a full
 * stop and a word that starts sentences but names no type or member.
 */
const JOINED_SENTENCES = /^\p{Ll}{2,}[.!?](?:The|This|That|These|Those|It|We|You|They|There|Then|Now|In|For|If|When|To|A|An|Our|Your|See|So|But|And|Also|However|Each|All|Some)$/u
/** A word of ASCII letters with no capital inside, and at most one mark of punctuation after it. */
const PLAIN_WORD = /^[A-Za-z][a-z]*[.,;:!?]?$/
/** A command-line flag. */
const FLAG = /^--?\p{Ll}/u

/**
 * True for a whitespace-separated token that reads as code an author left unformatted:
 * a path, a dotted identifier or host name, a format directive, an identifier with an
 * underscore, a flag. Rewriting any part of such a token breaks it ("gin. Context",
 * "%an"), so fixes never touch one.
 */
export function isCodeLike(token: string): boolean {
  // Most tokens are a plain word, perhaps capitalised, perhaps with a comma or full stop: none of the tests below can match one.
  if (PLAIN_WORD.test(token)) return false
  const core = token.replace(LEADING, '').replace(TRAILING, '')
  if (core === '') return token.includes('_') || token.includes('%')
  if (JOINED_SENTENCES.test(core)) return false
  if (CODE_MARK.test(core) || PATH.test(core) || FLAG.test(core)) return true
  const camel = CAMEL_CASE.exec(core)
  if (camel && !JOINED_HEAD.has(camel[1] as string)) return true
  return DOTTED.test(core) && !ABBREVIATION.test(core)
}
