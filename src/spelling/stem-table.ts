/**
 * The stems of a Hunspell .dic file and their affix flags, looked up in place: an
 * open-addressing hash table of offsets into the file's text instead of a Map of
 * ~50,000 strings. It builds several times faster and holds about a quarter of the
 * memory, and every lint process and worker thread loads one.
 */
/** The table's arrays, in the order they are stored. */
const ARRAYS = ['wordStart', 'wordEnd', 'flagStart', 'flagEnd', 'sameWord', 'slots'] as const
const FORMAT = 1

export class StemTable {
  private readonly wordStart: Int32Array
  private readonly wordEnd: Int32Array
  private readonly flagStart: Int32Array
  private readonly flagEnd: Int32Array
  /** Next entry with the same word (a .dic may list a word twice), or -1. */
  private readonly sameWord: Int32Array
  /** Entry index + 1 per slot; 0 is empty. */
  private readonly slots: Int32Array
  private readonly mask: number

  private constructor(
    private readonly text: string,
    arrays: Record<(typeof ARRAYS)[number], Int32Array>,
  ) {
    this.wordStart = arrays.wordStart
    this.wordEnd = arrays.wordEnd
    this.flagStart = arrays.flagStart
    this.flagEnd = arrays.flagEnd
    this.sameWord = arrays.sameWord
    this.slots = arrays.slots
    this.mask = this.slots.length - 1
  }

  static build(dic: string): StemTable {
    const capacity = countLines(dic)
    let size = 1
    while (size < capacity * 2) size *= 2
    const table = new StemTable(dic, {
      wordStart: new Int32Array(capacity),
      wordEnd: new Int32Array(capacity),
      flagStart: new Int32Array(capacity),
      flagEnd: new Int32Array(capacity),
      sameWord: new Int32Array(capacity).fill(-1),
      slots: new Int32Array(size),
    })
    let entries = 0
    // The first line holds the word count.
    let lineStart = dic.indexOf('\n') + 1
    while (lineStart > 0 && lineStart < dic.length) {
      const newline = dic.indexOf('\n', lineStart)
      const lineEnd = newline === -1 ? dic.length : newline
      const slash = dic.indexOf('/', lineStart)
      const wordEnd = slash !== -1 && slash < lineEnd ? slash : lineEnd
      const [ws, we] = trimmed(dic, lineStart, wordEnd)
      if (we > ws) {
        const [fs, fe] = wordEnd < lineEnd ? trimmed(dic, wordEnd + 1, lineEnd) : [lineEnd, lineEnd]
        table.wordStart[entries] = ws
        table.wordEnd[entries] = we
        table.flagStart[entries] = fs
        table.flagEnd[entries] = fe
        table.insert(entries)
        entries++
      }
      lineStart = newline === -1 ? -1 : newline + 1
    }
    return table
  }

  /** The table as bytes (its arrays, then the .dic text), for a cache built at install time. */
  toBytes(): Uint8Array {
    const text = new TextEncoder().encode(this.text)
    const header = Int32Array.of(FORMAT, text.length, ...ARRAYS.map((name) => this[name].length))
    const parts = [header, ...ARRAYS.map((name) => this[name])]
    const size = parts.reduce((sum, a) => sum + a.byteLength, 0) + text.length
    const out = new Uint8Array(size)
    let at = 0
    for (const part of parts) {
      out.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at)
      at += part.byteLength
    }
    out.set(text, at)
    return out
  }

  /** A table from `toBytes` output, or undefined if the bytes are not one (another format, truncated). */
  static fromBytes(bytes: Uint8Array): StemTable | undefined {
    const ints = (offset: number, length: number): Int32Array | undefined =>
      offset + length * 4 <= bytes.length ? new Int32Array(bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + length * 4)) : undefined
    const header = ints(0, 2 + ARRAYS.length)
    if (!header || header[0] !== FORMAT) return undefined
    let at = header.byteLength
    const arrays: Partial<Record<(typeof ARRAYS)[number], Int32Array>> = {}
    for (const [i, name] of ARRAYS.entries()) {
      const array = ints(at, header[2 + i] as number)
      if (!array) return undefined
      arrays[name] = array
      at += array.byteLength
    }
    const textLength = header[1] as number
    if (at + textLength !== bytes.length) return undefined
    const text = new TextDecoder().decode(bytes.subarray(at))
    return new StemTable(text, arrays as Record<(typeof ARRAYS)[number], Int32Array>)
  }

  /** Whether the .dic lists this word. */
  has(word: string): boolean {
    return this.find(word) !== -1
  }

  /** Whether the word is listed with this affix flag (on any of its lines). */
  hasFlag(word: string, flag: string): boolean {
    for (let entry = this.find(word); entry !== -1; entry = this.sameWord[entry] as number) {
      const start = this.flagStart[entry] as number
      const end = this.flagEnd[entry] as number
      if (flag.length === 1) {
        const code = flag.charCodeAt(0)
        for (let i = start; i < end; i++) if (this.text.charCodeAt(i) === code) return true
      } else if (this.text.slice(start, end).includes(flag)) {
        return true
      }
    }
    return false
  }

  private insert(entry: number): void {
    const start = this.wordStart[entry] as number
    const end = this.wordEnd[entry] as number
    let slot = hashRange(this.text, start, end) & this.mask
    for (;;) {
      const held = (this.slots[slot] as number) - 1
      if (held === -1) {
        this.slots[slot] = entry + 1
        return
      }
      if (this.sameText(held, this.text, start, end)) {
        let last = held
        while ((this.sameWord[last] as number) !== -1) last = this.sameWord[last] as number
        this.sameWord[last] = entry
        return
      }
      slot = (slot + 1) & this.mask
    }
  }

  private find(word: string): number {
    let slot = hashRange(word, 0, word.length) & this.mask
    for (;;) {
      const held = (this.slots[slot] as number) - 1
      if (held === -1) return -1
      if (this.sameText(held, word, 0, word.length)) return held
      slot = (slot + 1) & this.mask
    }
  }

  private sameText(entry: number, other: string, start: number, end: number): boolean {
    const ws = this.wordStart[entry] as number
    if ((this.wordEnd[entry] as number) - ws !== end - start) return false
    for (let i = 0; i < end - start; i++) if (this.text.charCodeAt(ws + i) !== other.charCodeAt(start + i)) return false
    return true
  }
}

function countLines(text: string): number {
  let lines = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++
  return lines
}

function trimmed(text: string, start: number, end: number): [number, number] {
  let s = start
  let e = end
  while (s < e && text.charCodeAt(s) <= 32) s++
  while (e > s && text.charCodeAt(e - 1) <= 32) e--
  return [s, e]
}

/** FNV-1a over UTF-16 code units. */
function hashRange(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return hash >>> 0
}
