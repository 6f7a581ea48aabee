import { PLACEHOLDER } from '../markdown/align-text.js'
import type { ProseRange } from '../markdown/prose-doc.js'

/**
 * The text of raw HTML blocks in a Markdown post, as Vale reads it. Vale renders Markdown
 * to HTML with the raw HTML kept and lints the text of every element, scoped by its tag
 * (`<caption>` is `table.caption`, `<td>` `table.cell`, `<li>` `list`, ...). Bluepencil's
 * prose ranges leave HTML out, so Vale rules get these blocks on top. Their source is
 * markup to the fix-safety checks, so an alert here never carries a suggestion.
 */
export interface HtmlTextBlock {
  readonly scopes: readonly string[]
  readonly range: ProseRange
}

/** Tags whose text is a block of its own, and the Vale scopes of that text. */
const BLOCK_SCOPES: Record<string, readonly string[]> = {
  p: ['text', 'paragraph'],
  li: ['text', 'list'],
  dt: ['text'],
  dd: ['text'],
  td: ['text', 'table', 'table.cell'],
  th: ['text', 'table', 'table.header'],
  caption: ['text', 'table', 'table.caption'],
  figcaption: ['text', 'figure.caption'],
  blockquote: ['text', 'blockquote'],
  summary: ['text'],
  div: ['text'],
  section: ['text'],
  article: ['text'],
  aside: ['text'],
  header: ['text'],
  footer: ['text'],
  details: ['text'],
  figure: ['text'],
  ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`h${n}`, ['text', 'heading', `heading.h${n}`]])),
}

/** Elements whose content is never prose (Vale: code, or not rendered). */
const OPAQUE = new Set(['script', 'style', 'pre', 'code', 'kbd', 'samp', 'tt', 'textarea', 'svg', 'math', 'template'])

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '—', ndash: '–', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' }

/** The text of one HTML block, one block per element of BLOCK_SCOPES (the innermost holds the text), `alt` attributes as `alt`. */
export function htmlTextBlocks(source: string, start: number, end: number): HtmlTextBlock[] {
  const out: HtmlTextBlock[] = []
  const html = source.slice(start, end)
  interface Open {
    readonly tag: string
    text: string
    offsets: number[]
  }
  const stack: Open[] = [{ tag: '', text: '', offsets: [] }]
  let opaque = 0
  const flush = (open: Open): void => {
    if (/[\p{L}\p{N}]/u.test(open.text)) {
      out.push({ scopes: BLOCK_SCOPES[open.tag] ?? ['text'], range: { scope: 'paragraph', text: open.text, offsets: Int32Array.from(open.offsets) } })
    }
    open.text = ''
    open.offsets = []
  }
  const current = (): Open => stack[stack.length - 1] as Open
  const token = /<!--[\s\S]*?(?:-->|$)|<\/?([A-Za-z][A-Za-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|&(#\d+|#x[\da-fA-F]+|[A-Za-z]+);|[^<&]+|[<&]/g
  for (let m = token.exec(html); m; m = token.exec(html)) {
    const at = start + m.index
    const piece = m[0]
    if (piece.startsWith('<!--')) continue
    if (m[1] !== undefined) {
      const tag = m[1].toLowerCase()
      const closing = piece.startsWith('</')
      if (OPAQUE.has(tag)) {
        if (closing) opaque = Math.max(0, opaque - 1)
        else if (!piece.endsWith('/>')) opaque++
        // Inline code stands in the text as one placeholder, as code does in the prose ranges.
        if (!closing && tag === 'code' && opaque === 1) pushText(current(), PLACEHOLDER, at)
        continue
      }
      if (!closing && tag === 'img') {
        const alt = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(m[2] ?? '')
        const value = alt?.[1] ?? alt?.[2]
        if (alt && value && /[\p{L}\p{N}]/u.test(value)) {
          const valueAt = at + 1 + (m[1] as string).length + alt.index + alt[0].indexOf(value)
          out.push({ scopes: ['text', 'alt'], range: { scope: 'alt', text: value, offsets: Int32Array.from(value, (_, k) => valueAt + k) } })
        }
        continue
      }
      if (BLOCK_SCOPES[tag] === undefined) {
        // An inline element (b, em, a, span, br) keeps its text in the block around it.
        if (tag === 'br') pushText(current(), ' ', -1)
        continue
      }
      flush(current())
      if (closing) {
        const index = stack.map((o) => o.tag).lastIndexOf(tag)
        if (index > 0) {
          for (let k = stack.length - 1; k >= index; k--) flush(stack[k] as Open)
          stack.length = index
        }
      } else if (!piece.endsWith('/>')) {
        stack.push({ tag, text: '', offsets: [] })
      }
      continue
    }
    if (opaque > 0) continue
    if (m[3] !== undefined) {
      pushText(current(), decodeEntity(m[3]) ?? piece, at)
      continue
    }
    for (let k = 0; k < piece.length; k++) pushText(current(), piece[k] as string, at + k)
  }
  for (let k = stack.length - 1; k >= 0; k--) flush(stack[k] as Open)
  return out
}

function pushText(open: { text: string; offsets: number[] }, text: string, at: number): void {
  for (const ch of text) {
    for (let k = 0; k < ch.length; k++) open.offsets.push(at)
    open.text += ch
  }
}

function decodeEntity(name: string): string | undefined {
  const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : name.startsWith('#') ? Number(name.slice(1)) : undefined
  if (code === undefined) return ENTITIES[name]
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined
}
