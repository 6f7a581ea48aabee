import { LineCounter, parseDocument, type Document } from 'yaml'
import type { ConfigError } from './config-error.js'

export interface ParsedYaml {
  readonly value: unknown
  readonly doc: Document
  readonly lineCounter: LineCounter
}

/** Parses YAML keeping positions, so errors can name the line of a field. */
export function parseYaml(text: string, file: string): { parsed: ParsedYaml } | { errors: ConfigError[] } {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((e) => ({
        file,
        line: lineCounter.linePos(e.pos[0]).line,
        path: '',
        message: `invalid YAML: ${e.message.split('\n')[0] ?? e.message}`,
      })),
    }
  }
  return { parsed: { value: doc.toJS(), doc, lineCounter } }
}

/** Line of the node at a JSON-pointer-like path ("/swap/utilize"), or of its nearest parent. */
export function lineOf(parsed: ParsedYaml, pointer: string): number | undefined {
  const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
  for (let n = segments.length; n >= 0; n--) {
    const keys = segments.slice(0, n).map((s) => (/^\d+$/.test(s) ? Number(s) : s))
    const node = parsed.doc.getIn(keys, true) as { range?: [number, number, number] } | undefined
    if (node?.range) return parsed.lineCounter.linePos(node.range[0]).line
    if (n === 0) {
      const root = parsed.doc.contents as { range?: [number, number, number] } | null
      return root?.range ? parsed.lineCounter.linePos(root.range[0]).line : undefined
    }
  }
  return undefined
}

export function toFieldPath(pointer: string): string {
  return pointer.split('/').slice(1).join('.')
}
