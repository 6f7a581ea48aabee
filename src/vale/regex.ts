/**
 * Vale's regular expressions (Go RE2 syntax as regexp2 reads it: lookarounds and
 * backreferences too) translated to JavaScript. Node 20 has no `(?i:...)` modifiers,
 * so scoped flags are compiled out: case-insensitive letters become classes, `.` and
 * `^`/`$` get their Go meaning spelled out. `\w`, `\d`, `\b` are Unicode-aware as in
 * regexp2; an ASCII twin of each pattern serves text without non-ASCII word characters
 * (the same matches there, much faster).
 */

import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { backtrackingProblem, REGEX_SAFETY_MODULE } from '../guard/regex-safety.js'
import type { RegexCache } from './regex-cache.js'

export class ValeRegexError extends Error {}

export interface ValeRegex {
  /** The Go source, for messages. */
  readonly source: string
  /** Matches on any text. */
  readonly unicode: RegExp
  /** Same matches as `unicode` on text without non-ASCII letters, digits or marks. */
  readonly ascii: RegExp
  readonly groups: number
}

interface Flags {
  readonly i: boolean
  readonly m: boolean
  readonly s: boolean
}

const WORD_U = '\\p{L}\\p{Mn}\\p{Nd}\\p{Pc}'
const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
}
/** Characters that must stay escaped in a JS `u` pattern (outside classes). */
const SYNTAX = new Set('^$\\.*+?()[]{}|/')
const CLASS_SYNTAX = new Set('\\]^-[')

/** Text where the ASCII twin gives the same matches: no non-ASCII letter, digit or mark. */
export function asciiSafe(text: string): boolean {
  return !NON_ASCII_WORD.test(text)
}
// eslint-disable-next-line no-control-regex -- the class is every ASCII character, NUL included
const NON_ASCII_WORD = /[^\x00-\x7F\u00A0-\u00BF\u00D7\u00F7\u2000-\u206F\u2190-\u23FF\u25A0-\u27BF\uFFFC]/

/** Picks the twin for a text. */
export function regexFor(re: ValeRegex, text: string): RegExp {
  return asciiSafe(text) ? re.ascii : re.unicode
}

export interface CompileOptions {
  /** Apply case-insensitivity to the whole pattern (Vale's `ignorecase`). */
  readonly ignoreCase?: boolean
}

/** A group closed and then repeated without a small bound: `)+`, `)*`, `){2,}`, `){11}`; an escaped `\)` only costs a check. */
const REPEATED_GROUP = /\)(?:[*+]|\{\d+(?:,\d*)?\})/

export function compileValeRegex(source: string, options: CompileOptions = {}): ValeRegex {
  const ignoreCase = options.ignoreCase === true
  const cached = translations?.get(source, ignoreCase)
  const uniform = uniformIgnoreCase(source, ignoreCase)
  const ascii = cached ? { js: cached.ascii, groups: cached.groups } : new Translator(source, false, uniform).run(ignoreCase)
  const flags = `gu${uniform ? 'i' : ''}`
  // The Unicode twin differs from the ASCII one only in its classes: it is translated when
  // the guard needs it or a post first needs it, not for every pattern of every style.
  let unicode: { js: string } | undefined = cached?.unicode === undefined ? undefined : { js: cached.unicode }
  const unicodeJs = (): string => (unicode ??= new Translator(source, true, uniform).run(ignoreCase)).js
  // Only a repeated group can backtrack catastrophically (the guard skips repeated single
  // characters too): most style patterns are word lists with none, and need no automata.
  const guarded = REPEATED_GROUP.test(ascii.js)
  const problem = !guarded ? undefined : cached?.problem !== undefined ? cached.problem || undefined : backtrackingProblem(unicodeJs(), flags)
  if (!cached && translations) {
    translations.set(source, ignoreCase, { ascii: ascii.js, groups: ascii.groups, ...(unicode ? { unicode: unicode.js } : {}), ...(guarded ? { problem: problem ?? '' } : {}) })
  }
  if (problem) throw new ValeRegexError(`/${source}/ can backtrack catastrophically (${problem}); rewrite it`)
  let asciiRe: RegExp
  try {
    asciiRe = new RegExp(ascii.js, flags)
  } catch (error) {
    throw new ValeRegexError(`/${source}/ cannot be used: ${(error as Error).message}`)
  }
  // Building a pattern full of \p{...} classes costs more than all the ASCII twins together,
  // and most posts never need it: it is built on first use. The twins differ only in their
  // classes, so the ASCII one having compiled vouches for its syntax.
  let unicodeRe: RegExp | undefined
  return {
    source,
    get unicode() {
      unicodeRe ??= new RegExp(unicodeJs(), flags)
      return unicodeRe
    },
    ascii: asciiRe,
    groups: ascii.groups,
  }
}

/** The translations compileValeRegex reads and adds to, while withRegexCache runs. */
let translations: RegexCache | undefined

/**
 * Runs `compile` (a style's rules being compiled) with pattern translations and guard
 * verdicts taken from `cache` and new ones added to it. Scoped rather than passed down:
 * patterns are compiled in every rule kind, and only loading a style has a cache.
 */
export function withRegexCache<T>(cache: RegexCache | undefined, compile: () => T): T {
  const outer = translations
  translations = cache
  try {
    return compile()
  } finally {
    translations = outer
  }
}

let engine: string | undefined

/**
 * The identity of the code whose results a RegexCache keeps: the text of the module files
 * holding the translator and the guard (in the CLI, its bundle) and the versions of the
 * regex libraries the guard runs. A rebuild that changes any of them changes it, so a
 * cache never answers for older code.
 */
export function regexEngineId(): string {
  if (engine) return engine
  const hash = createHash('sha1')
  for (const url of new Set([import.meta.url, REGEX_SAFETY_MODULE])) hash.update(readFileSync(fileURLToPath(url))).update('\0')
  const require = createRequire(import.meta.url)
  for (const pkg of ['refa', '@eslint-community/regexpp']) hash.update(`${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}\0`)
  engine = hash.digest('base64url')
  return engine
}

/**
 * True when case-insensitivity covers the whole pattern: then the JS `i` flag does the
 * job and letters stay letters. Only a leading `(?i)` with no later flag change counts.
 */
function uniformIgnoreCase(source: string, ignoreCase: boolean): boolean {
  let rest = source
  let on = ignoreCase
  for (;;) {
    const lead = /^\(\?([a-zA-Z]+)\)/.exec(rest)
    if (!lead) break
    if (lead[1]?.includes('i')) on = true
    rest = rest.slice(lead[0].length)
  }
  if (!on) return false
  // Any other flag group that mentions i (on or off) makes the flag non-uniform.
  return !/\(\?[a-zA-Z]*-?[a-zA-Z]*i[a-zA-Z]*[:)]/.test(rest.replace(/\\./g, '__'))
}

interface Result {
  readonly js: string
  readonly groups: number
}

/** A translated piece of the pattern. */
interface Piece {
  readonly js: string
}

class Translator {
  private pos = 0
  private groups = 0

  constructor(
    private readonly src: string,
    private readonly unicodeClasses: boolean,
    private readonly uniformI: boolean,
  ) {}

  run(ignoreCase: boolean): Result {
    const js = this.alternation({ i: ignoreCase, m: false, s: false }).js
    if (this.pos < this.src.length) this.fail(`unmatched ')' at ${this.pos + 1}`)
    return { js, groups: this.groups }
  }

  private fail(why: string): never {
    throw new ValeRegexError(`/${this.src}/: ${why}`)
  }

  private alternation(flags: Flags): Piece {
    const branches: Piece[][] = []
    let current: Piece[] = []
    let f = flags
    while (this.pos < this.src.length) {
      const c = this.src[this.pos]
      if (c === ')') break
      if (c === '|') {
        this.pos++
        branches.push(current)
        current = []
        continue
      }
      // A bare flag group changes the flags for the rest of the enclosing group.
      const bare = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?\)/.exec(this.src.slice(this.pos))
      if (bare) {
        this.pos += bare[0].length
        f = applyFlags(f, bare[1] ?? '', bare[2] ?? '', (why) => this.fail(why))
        continue
      }
      const atom = this.atom(f)
      if (atom) current.push(this.quantified(atom))
    }
    branches.push(current)
    return { js: branches.map((seq) => seq.map((p) => p.js).join('')).join('|') }
  }

  private quantified(atom: Piece): Piece {
    const q = /^(?:\*|\+|\?|\{(\d+)(?:(,)(\d*))?\})/.exec(this.src.slice(this.pos))
    if (!q) return atom
    this.pos += q[0].length
    let js = q[0]
    const lazy = this.src[this.pos] === '?'
    if (lazy) {
      this.pos++
      js += '?'
    } else if (this.src[this.pos] === '+') this.fail('possessive quantifiers are not supported')
    return { js: atom.js + js }
  }

  private atom(flags: Flags): Piece | undefined {
    const c = this.src[this.pos] as string
    switch (c) {
      case '(':
        return this.group(flags)
      case '[':
        return this.charClass(flags)
      case '.':
        this.pos++
        return { js: flags.s ? '[\\s\\S]' : '[^\\n]' }
      case '^':
        this.pos++
        return { js: flags.m ? '(?<![^\\n])' : '^' }
      case '$':
        this.pos++
        return { js: flags.m ? '(?![^\\n])' : '$' }
      case '\\':
        return this.escape(flags)
      case '*':
      case '+':
      case '?':
        this.fail(`nothing to repeat at ${this.pos + 1}`)
        break
      case '{': {
        // Go reads a brace that starts no valid repeat as a literal.
        this.pos++
        return this.literal('{', flags)
      }
      default:
        break
    }
    const cp = this.src.codePointAt(this.pos) as number
    const ch = String.fromCodePoint(cp)
    this.pos += ch.length
    return this.literal(ch, flags)
  }

  private literal(ch: string, flags: Flags): Piece {
    const js = this.caseLiteral(ch, flags)
    return { js }
  }

  private caseLiteral(ch: string, flags: Flags): string {
    const escaped = SYNTAX.has(ch) || ch === '}' ? `\\${ch}` : ch
    if (!flags.i || this.uniformI) return escaped
    const variants = caseVariants(ch)
    if (variants.length === 1) return escaped
    return `[${variants.map((v) => classChar(v)).join('')}]`
  }

  private group(flags: Flags): Piece {
    const rest = this.src.slice(this.pos)
    let prefix: string
    let inner = flags
    if (rest.startsWith('(?:')) {
      prefix = '(?:'
      this.pos += 3
    } else if (/^\(\?<?[=!]/.test(rest)) {
      prefix = rest.startsWith('(?<') ? rest.slice(0, 4) : rest.slice(0, 3)
      this.pos += prefix.length
    } else if (/^\(\?P?<[A-Za-z_]\w*>/.test(rest)) {
      const m = /^\(\?P?<([A-Za-z_]\w*)>/.exec(rest) as RegExpExecArray
      prefix = `(?<${m[1]}>`
      this.pos += m[0].length
      this.groups++
    } else if (rest.startsWith("(?'")) {
      this.fail("named groups with quotes ('name') are not supported")
    } else if (rest.startsWith('(?>')) {
      this.fail('atomic groups (?>...) are not supported')
    } else if (rest.startsWith('(?#')) {
      const end = this.src.indexOf(')', this.pos)
      if (end < 0) this.fail('unterminated comment')
      this.pos = end + 1
      return { js: '' }
    } else if (rest.startsWith('(?')) {
      const m = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?:/.exec(rest)
      if (!m) this.fail(`unknown group syntax at ${this.pos + 1}`)
      inner = applyFlags(flags, m[1] ?? '', m[2] ?? '', (why) => this.fail(why))
      prefix = '(?:'
      this.pos += m[0].length
    } else {
      prefix = '('
      this.pos++
      this.groups++
    }
    const start = this.pos
    const body = this.alternation(inner)
    if (this.src[this.pos] !== ')') this.fail(`missing ')' for the group at ${start}`)
    this.pos++
    return { js: `${prefix}${body.js})` }
  }

  private escape(flags: Flags): Piece {
    const next = this.src[this.pos + 1]
    if (next === undefined) this.fail('trailing backslash')
    this.pos += 2
    const atom = (js: string): Piece => ({ js })
    switch (next) {
      case 'w':
        return atom(this.unicodeClasses ? `[${WORD_U}]` : '\\w')
      case 'W':
        return atom(this.unicodeClasses ? `[^${WORD_U}]` : '\\W')
      case 'd':
        return atom(this.unicodeClasses ? '\\p{Nd}' : '\\d')
      case 'D':
        return atom(this.unicodeClasses ? '\\P{Nd}' : '\\D')
      case 's':
      case 'S':
        return atom(`\\${next}`)
      case 'b':
        return { js: this.unicodeClasses ? `(?:(?<=[${WORD_U}])(?![${WORD_U}])|(?<![${WORD_U}])(?=[${WORD_U}]))` : '\\b' }
      case 'B':
        return { js: this.unicodeClasses ? `(?:(?<=[${WORD_U}])(?=[${WORD_U}])|(?<![${WORD_U}])(?![${WORD_U}]))` : '\\B' }
      case 'A':
        return { js: '^' }
      case 'z':
        return { js: '$' }
      case 'Z':
        return { js: '(?=\\n?$)' }
      case 'G':
        this.fail('\\G is not supported')
        break
      case 'p':
      case 'P':
        return atom(this.property(next))
      case 'Q': {
        const end = this.src.indexOf('\\E', this.pos)
        const text = end < 0 ? this.src.slice(this.pos) : this.src.slice(this.pos, end)
        this.pos = end < 0 ? this.src.length : end + 2
        return { js: [...text].map((ch) => this.caseLiteral(ch, flags)).join('') }
      }
      case 'k': {
        const m = /^<([A-Za-z_]\w*)>/.exec(this.src.slice(this.pos))
        if (!m) this.fail('\\k needs <name>')
        this.pos += m[0].length
        return { js: `\\k<${m[1]}>` }
      }
      default:
        break
    }
    if (/[1-9]/.test(next)) {
      let digits = next
      while (/\d/.test(this.src[this.pos] ?? '') && Number(digits + this.src[this.pos]) <= this.groups) digits += this.src[this.pos++]
      // (?:) keeps a following digit from joining the number.
      return { js: `\\${digits}(?:)` }
    }
    const ch = this.escapedChar(next)
    return this.literal(ch, flags)
  }

  /** The character an escape outside \w-style classes stands for. */
  private escapedChar(next: string): string {
    switch (next) {
      case 'n':
        return '\n'
      case 't':
        return '\t'
      case 'r':
        return '\r'
      case 'f':
        return '\f'
      case 'v':
        return '\v'
      case 'a':
        return '\x07'
      case 'e':
        return '\x1B'
      case '0':
        return '\0'
      case 'x': {
        const braced = /^\{([0-9A-Fa-f]+)\}/.exec(this.src.slice(this.pos))
        if (braced) {
          this.pos += braced[0].length
          return String.fromCodePoint(parseInt(braced[1] as string, 16))
        }
        const two = /^[0-9A-Fa-f]{2}/.exec(this.src.slice(this.pos))
        if (!two) this.fail('\\x needs two hex digits')
        this.pos += 2
        return String.fromCharCode(parseInt(two[0], 16))
      }
      case 'u': {
        const four = /^[0-9A-Fa-f]{4}/.exec(this.src.slice(this.pos))
        if (!four) this.fail('\\u needs four hex digits')
        this.pos += 4
        return String.fromCharCode(parseInt(four[0], 16))
      }
      default:
        if (/[A-Za-z]/.test(next)) this.fail(`unknown escape \\${next}`)
        return next
    }
  }

  private property(kind: string): string {
    const rest = this.src.slice(this.pos)
    const m = /^\{(\^?)([A-Za-z_]+)\}/.exec(rest) ?? /^()([A-Za-z])/.exec(rest)
    if (!m) this.fail(`\\${kind} needs a class name`)
    this.pos += m[0].length
    const negate = (m[1] === '^') !== (kind === 'P')
    const name = m[2] as string
    const js = GENERAL.has(name) ? name : `Script=${name}`
    try {
      new RegExp(`\\p{${js}}`, 'u')
    } catch {
      this.fail(`unknown Unicode class ${name}`)
    }
    return `\\${negate ? 'P' : 'p'}{${js}}`
  }

  private charClass(flags: Flags): Piece {
    this.pos++
    let negate = false
    if (this.src[this.pos] === '^') {
      negate = true
      this.pos++
    }
    const parts: string[] = []
    let first = true
    for (;;) {
      if (this.pos >= this.src.length) this.fail('missing ]')
      const c = this.src[this.pos] as string
      if (c === ']' && !first) {
        this.pos++
        break
      }
      first = false
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.src.slice(this.pos))
      if (posix) {
        const set = POSIX[posix[2] as string]
        if (!set) this.fail(`unknown class [:${posix[2]}:]`)
        if (posix[1] === '^') this.fail('negated POSIX classes are not supported')
        this.pos += posix[0].length
        parts.push(set)
        continue
      }
      const lo = this.classAtom()
      if (lo.kind === 'set') {
        parts.push(lo.js)
        continue
      }
      if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']' && this.pos + 1 < this.src.length) {
        this.pos++
        const hi = this.classAtom()
        if (hi.kind === 'set') this.fail('a range cannot end in a class')
        parts.push(this.caseRange(lo.ch, hi.ch, flags))
        continue
      }
      parts.push(this.caseClassChar(lo.ch, flags))
    }
    const js = `[${negate ? '^' : ''}${parts.join('')}]`
    return { js }
  }

  private classAtom(): { kind: 'char'; ch: string } | { kind: 'set'; js: string } {
    const c = this.src[this.pos] as string
    if (c !== '\\') {
      const cp = this.src.codePointAt(this.pos) as number
      const ch = String.fromCodePoint(cp)
      this.pos += ch.length
      return { kind: 'char', ch }
    }
    const next = this.src[this.pos + 1]
    if (next === undefined) this.fail('trailing backslash')
    this.pos += 2
    switch (next) {
      case 'w':
        return { kind: 'set', js: this.unicodeClasses ? WORD_U : '\\w' }
      case 'd':
        return { kind: 'set', js: this.unicodeClasses ? '\\p{Nd}' : '\\d' }
      case 'W':
      case 'D':
      case 's':
      case 'S':
        return { kind: 'set', js: `\\${next}` }
      case 'p':
      case 'P':
        return { kind: 'set', js: this.property(next) }
      case 'b':
        return { kind: 'char', ch: '\b' }
      default:
        return { kind: 'char', ch: this.escapedChar(next) }
    }
  }

  private caseClassChar(ch: string, flags: Flags): string {
    if (!flags.i || this.uniformI) return classChar(ch)
    return caseVariants(ch).map(classChar).join('')
  }

  private caseRange(lo: string, hi: string, flags: Flags): string {
    if ((lo.codePointAt(0) as number) > (hi.codePointAt(0) as number)) this.fail(`invalid range ${lo}-${hi}`)
    const range = `${classChar(lo)}-${classChar(hi)}`
    if (!flags.i || this.uniformI) return range
    const out = [range]
    for (const [a, z, shift] of [['a', 'z', -32], ['A', 'Z', 32]] as const) {
      const l = Math.max(lo.charCodeAt(0), a.charCodeAt(0))
      const h = Math.min(hi.charCodeAt(0), z.charCodeAt(0))
      if (l <= h) out.push(`${String.fromCharCode(l + shift)}-${String.fromCharCode(h + shift)}`)
    }
    return out.join('')
  }
}

const GENERAL = new Set(
  'L Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So Z Zs Zl Zp C Cc Cf Cs Co Cn'.split(' '),
)

function applyFlags(flags: Flags, on: string, off: string, fail: (why: string) => never): Flags {
  const next = { ...flags }
  for (const [letters, value] of [[on, true], [off, false]] as const) {
    for (const f of letters) {
      if (f === 'i' || f === 'm' || f === 's') next[f] = value
      else if (f === 'U') fail('the ungreedy flag (?U) is not supported')
      else if (f !== 'x' && f !== 'n') fail(`unknown flag ${f}`)
      else if (f === 'x') fail('the free-spacing flag (?x) is not supported')
    }
  }
  return next
}

function caseVariants(ch: string): string[] {
  const out = new Set([ch])
  for (const v of [ch.toLowerCase(), ch.toUpperCase()]) if ([...v].length === 1) out.add(v)
  return [...out]
}

function classChar(ch: string): string {
  if (CLASS_SYNTAX.has(ch)) return `\\${ch}`
  if (ch === '\n') return '\\n'
  if (ch === '\r') return '\\r'
  if (ch === '\t') return '\\t'
  return ch
}
