import { indexLines, lineText } from '../core/text-lines.js'
import type { LineFix } from '../core/types.js'

/**
 * One whole-line fix for a comment covering startLine..endLine: the given fixes applied
 * to the head text of those lines. GitHub applies one suggestion per line, so a comment
 * holding several findings carries one block. The fixes must not overlap (the planner
 * demotes overlapping ones). Undefined when the result is a single empty line: a
 * LineFix's empty text means "delete the lines", so that result cannot be expressed.
 */
export function fixForCommentLines(options: { fixes: readonly LineFix[]; source: string; startLine: number; endLine: number }): LineFix | undefined {
  const { fixes, startLine, endLine } = options
  const only = fixes[0]
  if (fixes.length === 1 && only && only.startLine === startLine && only.endLine === endLine) return only
  const lines = indexLines(options.source)
  const out: string[] = []
  for (let n = startLine; n <= endLine; ) {
    const fix = fixes.find((f) => f.startLine === n)
    if (fix) {
      if (fix.text !== '') out.push(...fix.text.split(/\r?\n/))
      n = fix.endLine + 1
    } else {
      out.push(lineText(lines, n))
      n++
    }
  }
  if (out.length === 1 && out[0] === '') return undefined
  return { startLine, endLine, text: out.join('\n') }
}
