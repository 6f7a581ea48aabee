/**
 * Spans [start, end) of quoted text in one block, quotation marks included: “…”, „…“,
 * «…», ‘…’ opened at a word start, and straight "…" paired in order. Quoted words are
 * someone else's (speech, a tweet, a talk title) or a word mentioned as a word: an
 * editor does not reword them. An unclosed mark quotes nothing.
 */
export function quotedSpans(text: string): [number, number][] {
  if (!/["“„«‘]/.test(text)) return []
  const spans: [number, number][] = []
  let i = 0
  while (i < text.length) {
    const c = text[i] as string
    const close = closerOf(c, text, i)
    if (close === undefined) {
      i++
      continue
    }
    const end = findClose(text, i + 1, close)
    if (end < 0) {
      i++
      continue
    }
    spans.push([i, end + 1])
    i = end + 1
  }
  return spans
}

function closerOf(c: string, text: string, i: number): string | undefined {
  if (c === '"') return '"'
  if (c === '“') return '”'
  if (c === '„') return '“'
  if (c === '«') return '»'
  // ‘ also starts nothing inside a word; an apostrophe is ’, never ‘.
  if (c === '‘' && (i === 0 || /[\s([]/.test(text[i - 1] as string))) return '’'
  return undefined
}

function findClose(text: string, from: number, close: string): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] !== close) continue
    // A closing ’ followed by a letter is an apostrophe (‘don’t’), not the end of the quote.
    if (close === '’' && /\p{L}/u.test(text[j + 1] ?? '')) continue
    return j
  }
  return -1
}
