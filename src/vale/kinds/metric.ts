import { syllable } from 'syllable'
import type { ValeRuleDef } from '../load-styles.js'
import type { ValeDoc } from '../vale-doc.js'
import { sentences } from '../vale-doc.js'
import { formatMessage, ValeRuleError, type ValeAlert, type ValeCheck } from './common.js'

/**
 * `metric`: a formula over counts of the post (words, sentences, syllables, headings by
 * level, lists, ...) compared with `condition`; the alert sits at the start of the post
 * and prints the value with two decimals, as Vale does.
 */
export function metric(def: ValeRuleDef): ValeCheck {
  const formula = String(def.fields['formula'] ?? '')
  const condition = /^\s*(>=|<=|==|!=|>|<)\s*(-?[\d.]+)\s*$/.exec(String(def.fields['condition'] ?? ''))
  if (!condition) throw new ValeRuleError(def.file, def.lineOf('condition'), `condition '${String(def.fields['condition'])}' is not a comparison like '> 8'`)
  const evaluate = compileFormula(formula, def)
  const [, op, limitText] = condition
  const limit = Number(limitText)
  return {
    def,
    level: def.level,
    run(doc) {
      const value = evaluate(counts(doc))
      if (!Number.isFinite(value) || !compare(value, op as string, limit)) return []
      const block = doc.blocks[0]
      if (!block) return []
      const alert: ValeAlert = { block: { ...block, range: { ...block.range, offsets: Int32Array.of(0), text: doc.source.slice(0, 1) } }, start: 0, end: 1, message: formatMessage(def.message, value.toFixed(2)) }
      return [alert]
    },
  }
}

function compare(a: number, op: string, b: number): boolean {
  switch (op) {
    case '>':
      return a > b
    case '<':
      return a < b
    case '>=':
      return a >= b
    case '<=':
      return a <= b
    case '==':
      return a === b
    default:
      return a !== b
  }
}

function counts(doc: ValeDoc): Map<string, number> {
  const c = new Map<string, number>()
  const add = (k: string, n = 1): void => void c.set(k, (c.get(k) ?? 0) + n)
  const lists = new Set<number>()
  for (const b of doc.blocks) {
    for (const s of b.scopes) if (s.startsWith('heading.')) add(s.replace('.', '_'))
    if (b.range.list) lists.add(b.range.list.listId)
    if (b.scopes.has('blockquote')) add('blockquote')
    if (b.scopes.has('paragraph') || b.scopes.has('list')) {
      const text = b.range.text
      const words = text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []
      add('paragraphs')
      add('sentences', sentences(text).length)
      add('words', words.length)
      for (const w of words) {
        // Vale's readability counts (jdkato's summarize) port wooorm's syllable counter, which this is.
        const syl = syllable(w)
        add('characters', w.length)
        add('syllables', syl)
        if (syl >= 3) add('polysyllabic_words')
        if (syl >= 3 && !/(?:es|ed|ing)$/.test(w)) add('complex_words')
        if (w.length > 6) add('long_words')
      }
    }
  }
  c.set('list', lists.size)
  c.set('pre', doc.code.filter((b) => b.range.text.includes('\n')).length)
  for (let i = 1; i <= 6; i++) if (!c.has(`heading_h${i}`)) c.set(`heading_h${i}`, 0)
  return c
}

/** The counts Vale's ComputeMetrics gives a formula. */
const VARIABLES = new Set(['words', 'sentences', 'syllables', 'characters', 'complex_words', 'long_words', 'polysyllabic_words', 'paragraphs', 'pre', 'list', 'blockquote', 'heading_h1', 'heading_h2', 'heading_h3', 'heading_h4', 'heading_h5', 'heading_h6'])

const FUNCTIONS: Record<string, (x: number) => number> = { 'math.sqrt': Math.sqrt }

/** Arithmetic over variable names (+ - * /, parentheses, `math.sqrt(...)`): a tiny recursive-descent parser. */
function compileFormula(formula: string, def: ValeRuleDef): (vars: Map<string, number>) => number {
  const tokens = formula.match(/\s*(\d+(?:\.\d+)?|[A-Za-z_][\w.]*|[-+*/()])/g)?.map((t) => t.trim()) ?? []
  if (tokens.join('') !== formula.replace(/\s+/g, '')) throw new ValeRuleError(def.file, def.lineOf('formula'), `cannot read formula '${formula}'`)
  type Node = (v: Map<string, number>) => number
  let i = 0
  const fail = (): never => {
    throw new ValeRuleError(def.file, def.lineOf('formula'), `cannot read formula '${formula}'`)
  }
  const primary = (): Node => {
    const t = tokens[i++]
    if (t === undefined) return fail()
    if (t === '(') {
      const inner = sum()
      if (tokens[i++] !== ')') fail()
      return inner
    }
    if (t === '-') {
      const inner = primary()
      return (v) => -inner(v)
    }
    if (/^\d/.test(t)) {
      const n = Number(t)
      return () => n
    }
    if (/^[A-Za-z_]/.test(t) && tokens[i] === '(') {
      // Functions of Vale's formulas: the readability styles' SMOG grade takes a square root.
      const fn = FUNCTIONS[t]
      if (!fn) throw new ValeRuleError(def.file, def.lineOf('formula'), `formula '${formula.trim()}': unknown function '${t}' (known: ${Object.keys(FUNCTIONS).join(', ')})`)
      i++
      const arg = sum()
      if (tokens[i++] !== ')') fail()
      return (v) => fn(arg(v))
    }
    if (/^[A-Za-z_]/.test(t)) {
      // Vale hands govaluate its counts with dots made underscores (heading_h2); a name it
      // does not count makes Vale's evaluation fail, so it is refused here rather than read as 0.
      const name = t.replace(/^heading\.(h[1-6])$/, 'heading_$1')
      if (!VARIABLES.has(name)) throw new ValeRuleError(def.file, def.lineOf('formula'), `formula '${formula.trim()}': unknown variable '${t}' (known: ${[...VARIABLES].join(', ')})`)
      return (v) => v.get(name) ?? 0
    }
    return fail()
  }
  const product = (): Node => {
    let left = primary()
    while (tokens[i] === '*' || tokens[i] === '/') {
      const op = tokens[i++]
      const l = left
      const r = primary()
      left = op === '*' ? (v) => l(v) * r(v) : (v) => l(v) / r(v)
    }
    return left
  }
  const sum = (): Node => {
    let left = product()
    while (tokens[i] === '+' || tokens[i] === '-') {
      const op = tokens[i++]
      const l = left
      const r = product()
      left = op === '+' ? (v) => l(v) + r(v) : (v) => l(v) - r(v)
    }
    return left
  }
  const root = sum()
  if (i !== tokens.length) fail()
  return root
}
