import { escapeRegExp } from '../../core/escape-regexp.js'
import type { ProseRange } from '../../markdown/prose-doc.js'
import type { WordChecker } from '../../spelling/hunspell.js'
import type { ValeLevel } from '../config.js'
import type { ValeRuleDef } from '../load-styles.js'
import type { HunspellPair } from '../dictionaries.js'
import type { ValeFiles } from '../vale-files.js'
import { compileValeRegex, regexFor, ValeRegexError, type ValeRegex } from '../regex.js'
import { sentences, type ValeBlock, type ValeDoc } from '../vale-doc.js'

/** An alert in a block's text (start/end are offsets into block.range.text). */
export interface ValeAlert {
  readonly block: ValeBlock
  readonly start: number
  readonly end: number
  readonly message: string
  /** The text Vale's `action` would put at [start, end), before fix-safety checks. */
  readonly fix?: string
}

export interface ValeCheck {
  readonly def: ValeRuleDef
  readonly level: ValeLevel
  run(doc: ValeDoc): ValeAlert[]
}

/** A rule that reads each block of its scope on its own (existence, substitution, ...). */
export function blockCheck(def: ValeRuleDef, scope: ScopeSpec, runBlock: (block: ValeBlock) => ValeAlert[]): ValeCheck {
  return { def, level: def.level, run: (doc) => scopedBlocks(doc, scope).flatMap(runBlock) }
}

/** A rule that reads the blocks of its scope together, as one file (consistency, occurrence, conditional). */
export function fileCheck(def: ValeRuleDef, scope: ScopeSpec, runBlocks: (blocks: readonly ValeBlock[]) => ValeAlert[]): ValeCheck {
  return { def, level: def.level, run: (doc) => runBlocks(scopedBlocks(doc, scope)) }
}

/** The alert on one match, its message given `text` (the match itself unless said). */
export function matchAlert(def: ValeRuleDef, block: ValeBlock, m: RegExpExecArray, text: string = m[0]): ValeAlert {
  return { block, start: m.index, end: m.index + m[0].length, message: formatMessage(def.message, text) }
}

/** What rules share: the project's vocabulary and the dictionary. */
export interface CheckEnv {
  readonly accept: readonly string[]
  readonly reject: readonly string[]
  readonly wordTemplate?: string
  readonly spelling: () => WordChecker
  /** The checker of a Hunspell dictionary a style ships, built once per project. */
  readonly dictionary: (pair: HunspellPair) => WordChecker
  /** Folder of the style, for files a rule names (spelling `ignore`). */
  readonly stylesPath?: string
  /** Where such files are read (the disk, or a repository fetched through the API). */
  readonly files: ValeFiles
}

export class ValeRuleError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`)
  }
}

export function strings(value: unknown): string[] {
  if (value === undefined || value === null) return []
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map((v) => String(v))
  return [String(value)]
}

/** Compiles a pattern of a rule file, naming the file and the field's line when it cannot. */
export function ruleRegex(def: ValeRuleDef, field: string, pattern: string, ignoreCase = false): ValeRegex {
  try {
    return compileValeRegex(pattern, { ignoreCase })
  } catch (error) {
    if (error instanceof ValeRegexError) throw new ValeRuleError(def.file, def.lineOf(field), error.message)
    throw error
  }
}

/** Every non-empty match, left to right, without overlaps (Go's FindAll). */
export function* matchAll(re: ValeRegex, text: string): Generator<RegExpExecArray> {
  const js = regexFor(re, text)
  js.lastIndex = 0
  for (let m = js.exec(text); m; m = js.exec(text)) {
    if (m[0].length === 0) {
      js.lastIndex = m.index + 1
      continue
    }
    yield m
  }
}

/**
 * A message as Vale's FormatMessage makes it: as many arguments as the message has `%`
 * signs, taken from `subs` in turn and round again ("'%s' here, '%s' there" with one match
 * prints it twice), then Go's fmt.Sprintf. A count (occurrence) prints as a number.
 */
export function formatMessage(message: string, ...subs: (string | number)[]): string {
  const n = (message.match(/%/g) ?? []).length
  if (n === 0) return message
  const args = subs.length === 0 ? [] : Array.from({ length: n }, (_, i) => subs[i % subs.length] as string | number)
  return goSprintf(message, args)
}

/** Go's fmt.Sprintf for the verbs messages use (s, v, q, d), with Go's `%!` notes for what does not fit. */
function goSprintf(format: string, args: readonly (string | number)[]): string {
  let out = ''
  let next = 0
  let reordered = false
  const verb = /%([-+# 0]*)(\d*)(?:\.(\d*))?(?:\[(\d+)\])?(.?)/y
  for (let i = 0; i < format.length; ) {
    const at = format.indexOf('%', i)
    if (at < 0) {
      out += format.slice(i)
      break
    }
    out += format.slice(i, at)
    verb.lastIndex = at
    const m = verb.exec(format) as RegExpExecArray
    i = verb.lastIndex
    const [, , , , index, v] = m
    if (v === '%') {
      out += '%'
      continue
    }
    if (v === '') {
      out += '%!(NOVERB)'
      continue
    }
    if (index !== undefined) {
      reordered = true
      next = Number(index) - 1
      if (next < 0 || next >= args.length) {
        out += `%!${v}(BADINDEX)`
        continue
      }
    }
    const arg = args[next++]
    if (arg === undefined) {
      out += `%!${v}(MISSING)`
      continue
    }
    out += formatArg(v as string, arg)
  }
  if (!reordered && next < args.length) out += `%!(EXTRA ${args.slice(next).map((a) => `${typeof a === 'number' ? 'int' : 'string'}=${String(a)}`).join(', ')})`
  return out
}

function formatArg(verb: string, arg: string | number): string {
  if (verb === 's' || verb === 'v' || (verb === 'd' && typeof arg === 'number')) return String(arg)
  if (verb === 'q') return JSON.stringify(String(arg))
  // A count under %s prints as the count, as Vale's messages show it.
  if (typeof arg === 'number') return String(arg)
  return `%!${verb}(string=${arg})`
}

/** A match as Vale quotes it in a message: in prose its whitespace runs print as one space; in raw text only line breaks do. */
export function shown(block: ValeBlock, text: string): string {
  return block.scopes.has('raw') ? text.replace(/\r?\n/g, ' ') : text.replace(/\s+/g, ' ')
}

/** A scope spec of a rule file: a name or a list; `~name` excludes. */
export interface ScopeSpec {
  readonly include: readonly string[]
  readonly exclude: readonly string[]
}

export function readScope(value: unknown, fallback = 'text'): ScopeSpec {
  const names = strings(value).flatMap((s) => s.split(/\s*&\s*|\s*,\s*/)).map((s) => s.trim()).filter(Boolean)
  const include = names.filter((n) => !n.startsWith('~'))
  const exclude = names.filter((n) => n.startsWith('~')).map((n) => n.slice(1))
  return { include: include.length > 0 ? include : exclude.length > 0 ? ['text'] : [fallback], exclude }
}

function hasScope(block: ValeBlock, name: string): boolean {
  if (block.scopes.has(name)) return true
  // `heading` matches `heading.h2`; `table` matches `table.cell`; `summary` is the body text.
  if (name === 'summary') return block.scopes.has('paragraph') || block.scopes.has('list')
  return false
}

/** The blocks (or sentences of blocks) a rule reads. */
export function scopedBlocks(doc: ValeDoc, scope: ScopeSpec): ValeBlock[] {
  if (scope.include.includes('raw')) return [rawBlock(doc)]
  const out: ValeBlock[] = []
  const wantsCode = scope.include.includes('code')
  const pool = wantsCode ? [...doc.blocks, ...doc.code] : doc.blocks
  const perSentence = scope.include.includes('sentence')
  const include = scope.include.filter((s) => s !== 'sentence')
  for (const block of pool) {
    if (scope.exclude.some((s) => hasScope(block, s))) continue
    if (include.length > 0 && !include.some((s) => hasScope(block, s))) continue
    if (include.length === 0 && !block.scopes.has('text')) continue
    if (perSentence && block.scopes.has('heading')) continue
    if (perSentence) out.push(...sentenceBlocks(block))
    else out.push(block)
  }
  return out
}

export function sentenceBlocks(block: ValeBlock): ValeBlock[] {
  return sentences(block.range.text).map(([s, e]) => sliceBlock(block, s, e))
}

export function sliceBlock(block: ValeBlock, start: number, end: number): ValeBlock {
  const range: ProseRange = { ...block.range, text: block.range.text.slice(start, end), offsets: block.range.offsets.subarray(start, end) }
  return { scopes: new Set([...block.scopes, 'sentence']), range }
}

const RAW = new WeakMap<ValeDoc, ValeBlock>()

function rawBlock(doc: ValeDoc): ValeBlock {
  let block = RAW.get(doc)
  if (!block) {
    const offsets = new Int32Array(doc.source.length)
    for (let i = 0; i < offsets.length; i++) offsets[i] = i
    block = { scopes: new Set(['raw']), range: { scope: 'paragraph', text: doc.source, offsets } }
    RAW.set(doc, block)
  }
  return block
}

/** `^(?:a|b)$` over a rule's exceptions and the accepted vocabulary, or undefined when there are none. */
export function exceptionRegex(def: ValeRuleDef, env: CheckEnv, ignoreCase: boolean): ValeRegex | undefined {
  const list = [...strings(def.fields['exceptions']), ...(def.fields['vocab'] === false ? [] : env.accept)]
  if (list.length === 0) return undefined
  try {
    return compileValeRegex(`^(?:${list.join('|')})$`, { ignoreCase })
  } catch {
    // One bad entry must not take the others down: fall back to the literal strings.
    return compileValeRegex(`^(?:${list.map(escapeRegExp).join('|')})$`, { ignoreCase })
  }
}

/**
 * Accepted phrases of the vocabulary (entries of more than one word), for the rules that
 * honour it (`vocab` not false): a match inside one is not an alert, though its words
 * alone still are ("flooberg place" accepted; "place" on its own is flagged), as Vale
 * does since #1035.
 */
export function acceptedPhrases(def: ValeRuleDef, env: CheckEnv): ValeRegex | undefined {
  const phrases = def.fields['vocab'] === false ? [] : env.accept.filter((a) => /\s/.test(a.trim()))
  if (phrases.length === 0) return undefined
  try {
    return compileValeRegex(`\\b(?:${phrases.join('|')})\\b`)
  } catch {
    return compileValeRegex(`\\b(?:${phrases.map(escapeRegExp).join('|')})\\b`)
  }
}

/** Whether [start, end) of a block's text lies inside an accepted phrase. */
export function inAcceptedPhrase(re: ValeRegex | undefined, text: string, start: number, end: number): boolean {
  if (!re) return false
  for (const m of matchAll(re, text)) if (m.index <= start && m.index + m[0].length >= end) return true
  return false
}

export function isException(re: ValeRegex | undefined, text: string): boolean {
  if (!re) return false
  const js = regexFor(re, text)
  js.lastIndex = 0
  return js.test(text)
}

