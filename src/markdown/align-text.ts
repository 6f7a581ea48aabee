/** Placeholder for non-prose inline content (code, HTML, URLs): not a word, never rewritten. */
export const PLACEHOLDER = '\uFFFC'

/** Growing visible text with, per code unit, its offset in the source (-1: no exact source). */
export class TextBuilder {
  private readonly parts: string[] = []
  private offsets = new Int32Array(256)
  private size = 0

  get length(): number {
    return this.size
  }

  placeholder(): void {
    this.reserve(1)
    this.parts.push(PLACEHOLDER)
    this.offsets[this.size++] = -1
  }

  /**
   * Appends a node's decoded value, aligned with its source slice. The value differs
   * from the source where Markdown dropped characters (continuation indentation,
   * blockquote markers, escape backslashes) or decoded them (entities). Such characters
   * get no exact offset; a fix across them is refused later, because the source slice
   * then differs from the visible text.
   */
  aligned(value: string, source: string, start: number, end: number): void {
    this.reserve(value.length)
    this.parts.push(value)
    const offsets = this.offsets
    let n = this.size
    if (end - start === value.length && source.startsWith(value, start)) {
      // Most text is its own source: nothing escaped, decoded or dropped.
      for (let u = 0; u < value.length; u++) offsets[n++] = start + u
      this.size = n
      return
    }
    let j = start
    for (let u = 0; u < value.length; u++) {
      const c = value.charCodeAt(u)
      let k = j
      while (k < end && source.charCodeAt(k) !== c && isSkippable(source.charCodeAt(k))) k++
      if (k < end && source.charCodeAt(k) === c) {
        offsets[n++] = k
        j = k + 1
      } else if (k < end && source.charCodeAt(k) === AMPERSAND) {
        offsets[n++] = -1
        const semi = source.indexOf(';', k)
        if (semi !== -1 && semi < end) j = semi + 1
      } else {
        offsets[n++] = -1
      }
    }
    this.size = n
  }

  build(): { text: string; offsets: Int32Array } {
    return { text: this.parts.join(''), offsets: this.offsets.slice(0, this.size) }
  }

  private reserve(units: number): void {
    if (this.size + units <= this.offsets.length) return
    const grown = new Int32Array(Math.max(this.offsets.length * 2, this.size + units))
    grown.set(this.offsets.subarray(0, this.size))
    this.offsets = grown
  }
}

const AMPERSAND = 38

/** Source characters Markdown may drop from a text value: indentation, blockquote markers, escapes. */
function isSkippable(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 62 || c === 92
}
