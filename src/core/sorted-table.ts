/**
 * A read-only table (an object without prototype, or an array) that reads its entries
 * from one sorted text on demand: `\n` then one `key\tJSON value\n` line per entry, in
 * code-unit order of the keys. A lookup is a binary search over the lines; each value is
 * parsed once and the same value is given back on every later read, as a property would be.
 *
 * The POS tagger's bundle (scripts/bundle-pos-tagger.ts) puts wink-lexicon's word tables
 * in this form: as modules of ~80,000 assignments each, they cost a one-post lint ~0.13 s
 * to load (code cache included), though a post looks up a few thousand words. Only
 * reading an entry by key is served (the only use the tagger makes of them); a write
 * lands on the table as on any object.
 */
export function sortedTable(text: string, shape: 'object' | 'array', length = 0): object {
  const target: object = shape === 'array' ? new Array<unknown>(length) : Object.create(null)
  const parsed = new Map<string, unknown>()
  return new Proxy(target, {
    get(table, key) {
      // An array's own length and inherited methods, and any entry written since, are the table's own.
      if (typeof key !== 'string' || key in table) return Reflect.get(table, key)
      if (parsed.has(key)) return parsed.get(key)
      const raw = findLine(text, key)
      const value = raw === undefined ? undefined : (JSON.parse(raw) as unknown)
      parsed.set(key, value)
      return value
    },
  })
}

/** The value text of the line whose key is `key`, by binary search over character positions. */
export function findLine(text: string, key: string): string | undefined {
  let lo = 0
  let hi = text.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    // The line a position belongs to starts after the last newline at or before it.
    const start = text.lastIndexOf('\n', mid) + 1
    if (start >= text.length) {
      hi = mid
      continue
    }
    const end = text.indexOf('\n', start)
    const tab = text.indexOf('\t', start)
    const probe = text.slice(start, tab)
    if (probe === key) return text.slice(tab + 1, end)
    if (probe < key) lo = end
    else hi = start - 1
  }
  return undefined
}

/** The text `sortedTable` reads, for the entries of a table: keys must hold neither a tab nor a newline. */
export function sortedTableText(entries: Iterable<readonly [string, unknown]>): string {
  const lines = [...entries].map(([key, value]) => {
    if (/[\t\n]/.test(key)) throw new Error(`sorted table: the key ${JSON.stringify(key)} holds a tab or a newline`)
    const json = JSON.stringify(value)
    if (json === undefined) throw new Error(`sorted table: the value of ${JSON.stringify(key)} is not JSON`)
    return { key, line: `${key}\t${json}` }
  })
  lines.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return `\n${lines.map((l) => `${l.line}\n`).join('')}`
}
