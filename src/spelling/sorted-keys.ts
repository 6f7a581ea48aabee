/** A key of a large text file: `text.slice(start, end)`, found at `at`. */
export interface KeySpan {
  readonly start: number
  readonly end: number
  readonly at: number
}

/**
 * Where a key first occurs among the spans of one big string, found by binary search
 * instead of a scan of the whole text per lookup (a scan of the 3 MB word list was a
 * tenth of a corpus lint). Word lists are sorted but not perfectly (word-list has
 * "manlily" before "manlihood"): the spans that keep the order strictly increasing are
 * searched, the few others sit in a map, so the answer is exact whatever the order.
 * Spans must come in text order, so the map keeps a key's first occurrence.
 */
export function indexKeys(text: string, spans: Iterable<KeySpan>): (key: string) => number | undefined {
  const starts: number[] = []
  const ends: number[] = []
  const ats: number[] = []
  const others = new Map<string, number>()
  let last: string | undefined
  for (const { start, end, at } of spans) {
    const key = text.slice(start, end)
    if (last === undefined || key > last) {
      starts.push(start)
      ends.push(end)
      ats.push(at)
      last = key
    } else if (!others.has(key)) others.set(key, at)
  }
  const s = Int32Array.from(starts)
  const e = Int32Array.from(ends)
  const a = Int32Array.from(ats)
  return (key) => {
    let found: number | undefined
    let lo = 0
    let hi = s.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const probe = text.slice(s[mid], e[mid])
      if (probe === key) {
        found = a[mid]
        break
      }
      if (probe < key) lo = mid + 1
      else hi = mid - 1
    }
    const other = others.get(key)
    return found === undefined ? other : other === undefined ? found : Math.min(found, other)
  }
}

/** The lines of `text` from `from` on that a newline ends, each as a span of itself. */
export function* lineSpans(text: string, from = 0): Generator<KeySpan> {
  for (let start = from, newline = text.indexOf('\n', start); newline >= 0; start = newline + 1, newline = text.indexOf('\n', start)) {
    yield { start, end: newline, at: start }
  }
}
