import type { ValeRuleDef } from '../load-styles.js'
import { PLACEHOLDER } from '../../markdown/align-text.js'
import type { ValeBlock, ValeDoc } from '../vale-doc.js'
import { formatMessage, matchAll, readScope, ruleRegex, scopedBlocks, type ValeAlert, type ValeCheck } from './common.js'

/**
 * `occurrence`: too many (max) or too few (min) matches of one token in each scoped block.
 * As in Vale, the count includes the text of inline code (a heading's length counts the
 * code in it), and the alert stands on the first match outside code.
 */
export function occurrence(def: ValeRuleDef): ValeCheck {
  const f = def.fields
  const token = typeof f['token'] === 'string' ? f['token'] : ''
  const re = ruleRegex(def, 'token', f['ignorecase'] === true ? `(?i)${token}` : token)
  const max = Number(f['max'] ?? 0)
  const min = Number(f['min'] ?? 0)
  const scope = readScope(f['scope'])
  const run = (doc: ValeDoc): ValeAlert[] => {
    const out: ValeAlert[] = []
    for (const block of scopedBlocks(doc, scope)) {
      const counted = withInlineCode(block, doc)
      const hits = [...matchAll(re, counted.text)]
      const count = hits.length
      if (!((max > 0 && count > max) || (min > 0 && count < min))) continue
      const first = hits.find((h) => !counted.inCode[h.index]) ?? hits[0]
      const last = hits[hits.length - 1]
      const start = first ? (counted.back[first.index] as number) : 0
      const end = last ? (counted.back[last.index + last[0].length - 1] as number) + 1 : block.range.text.length
      out.push({ block, start, end: Math.max(end, start + 1), message: formatMessage(def.message, count) })
    }
    return out
  }
  return { def, level: def.level, run }
}

/** The block's text with each inline code placeholder replaced by the code's text; `back` maps each character to the block's text. */
function withInlineCode(block: ValeBlock, doc: ValeDoc): { text: string; inCode: boolean[]; back: number[] } {
  const { text, offsets } = block.range
  if (!text.includes(PLACEHOLDER) || doc.code.length === 0) return { text, inCode: [], back: Array.from(text, (_, i) => i) }
  let out = ''
  const inCode: boolean[] = []
  const back: number[] = []
  for (let i = 0; i < text.length; i++) {
    const code = text[i] === PLACEHOLDER ? codeAt(doc, offsets[i - 1] ?? -1, offsets[i + 1] ?? -1) : undefined
    const piece = code ?? (text[i] as string)
    for (let k = 0; k < piece.length; k++) {
      inCode.push(code !== undefined)
      back.push(i)
    }
    out += piece
  }
  return { text: out, inCode, back }
}

const spansOf = new WeakMap<ValeDoc, { byStart: Map<number, string>; byEnd: Map<number, string> }>()

/** The inline code span between two source offsets (the characters around a placeholder), if that is what stands there. */
function codeAt(doc: ValeDoc, before: number, after: number): string | undefined {
  let spans = spansOf.get(doc)
  if (!spans) {
    spans = { byStart: new Map(), byEnd: new Map() }
    for (const code of doc.code) {
      const start = code.range.offsets[0] ?? -1
      if (start < 0 || code.range.text.includes('\n')) continue
      spans.byStart.set(start, code.range.text)
      spans.byEnd.set(start + code.range.text.length, code.range.text)
    }
    spansOf.set(doc, spans)
  }
  const { source } = doc
  if (after >= 0) {
    let end = after
    while (end > 0 && source[end - 1] === '`') end--
    if (end < after) return spans.byEnd.get(end)
  }
  if (before >= 0) {
    let start = before + 1
    while (source[start] === '`') start++
    if (start > before + 1) return spans.byStart.get(start)
  }
  return undefined
}
