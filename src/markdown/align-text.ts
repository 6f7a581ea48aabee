/** Placeholder for non-prose inline content (code, HTML, URLs): not a word, never rewritten. */
export const PLACEHOLDER = '\uFFFC'

/** Growing visible text with, per code unit, its offset in the source (-1: no exact source). */
export class TextBuilder {
  private readonly chars: string[] = []
  private readonly offsets: number[] = []

  get length(): number {
    return this.offsets.length
  }

  placeholder(): void {
    this.push(PLACEHOLDER, -1)
  }

  /**
   * Appends a node's decoded value, aligned with its source slice. The value differs
   * from the source where Markdown dropped characters (continuation indentation,
   * blockquote markers, escape backslashes) or decoded them (entities). Such characters
   * get no exact offset; a fix across them is refused later, because the source slice
   * then differs from the visible text.
   */
  aligned(value: string, source: string, start: number, end: number): void {
    let j = start
    for (const c of value) {
      let k = j
      while (k < end && source[k] !== c && SKIPPABLE.has(source[k] as string)) k++
      if (k < end && source[k] === c) {
        this.pushChar(c, k)
        j = k + c.length
      } else if (k < end && source[k] === '&') {
        const semi = source.indexOf(';', k)
        this.pushChar(c, -1)
        if (semi !== -1 && semi < end) j = semi + 1
      } else {
        this.pushChar(c, -1)
      }
    }
  }

  build(): { text: string; offsets: Int32Array } {
    return { text: this.chars.join(''), offsets: Int32Array.from(this.offsets) }
  }

  private pushChar(c: string, offset: number): void {
    // Astral characters are two UTF-16 units; keep one offset per unit.
    for (let u = 0; u < c.length; u++) this.push(c[u] as string, offset === -1 ? -1 : offset + u)
  }

  private push(c: string, offset: number): void {
    this.chars.push(c)
    this.offsets.push(offset)
  }
}

const SKIPPABLE = new Set([' ', '\t', '\r', '>', '\\'])
