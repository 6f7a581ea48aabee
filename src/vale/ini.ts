/** The INI dialect of `.vale.ini` (go-ini as Vale uses it: repeated keys add up, `#`/`;` comments). */

export interface IniEntry {
  readonly key: string
  readonly value: string
  readonly line: number
}

export interface IniSection {
  /** The glob in brackets; '' for the keys before any section. */
  readonly name: string
  readonly line: number
  readonly entries: IniEntry[]
}

export class IniError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`)
  }
}

export function parseIni(text: string, file: string): IniSection[] {
  const sections: IniSection[] = [{ name: '', line: 0, entries: [] }]
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    let line = (lines[i] as string).trim()
    const number = i + 1
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue
    // go-ini joins a line ending in a backslash with the next one.
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + (lines[++i] as string).trim()
    if (line.startsWith('[')) {
      const close = line.lastIndexOf(']')
      if (close < 0) throw new IniError(file, number, `section header without a closing ']': ${line}`)
      sections.push({ name: line.slice(1, close).trim(), line: number, entries: [] })
      continue
    }
    const eq = line.indexOf('=')
    if (eq <= 0) throw new IniError(file, number, `expected 'key = value', found: ${line}`)
    const key = line.slice(0, eq).trim()
    let value = line.slice(eq + 1).trim()
    if (value.length >= 2 && ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith('`') && value.endsWith('`')))) value = value.slice(1, -1)
    ;(sections[sections.length - 1] as IniSection).entries.push({ key, value, line: number })
  }
  return sections
}

/** go-ini's `Strings(",")`: comma-separated, `\,` keeps a comma, items trimmed, empty ones dropped. */
export function splitList(value: string): string[] {
  const out: string[] = []
  let current = ''
  for (let i = 0; i < value.length; i++) {
    const c = value[i]
    if (c === '\\' && value[i + 1] === ',') {
      current += ','
      i++
    } else if (c === ',') {
      out.push(current)
      current = ''
    } else current += c
  }
  out.push(current)
  return out.map((s) => s.trim()).filter((s) => s !== '')
}
