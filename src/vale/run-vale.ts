import type { ProseDoc } from '../markdown/prose-doc.js'
import type { RuleMatch } from '../rules/rule-match.js'
import type { CompiledRule } from '../rules/compile-rules.js'
import { readCommentSwitches } from './comments.js'
import type { FileSettings } from './config.js'
import { fixKeepsWords } from './fix-safety.js'
import type { ValeCheck } from './kinds/common.js'
import { buildValeDoc } from './vale-doc.js'
import { valeGuessedStart } from './guess-location.js'

/** What shapes the text the rules see: ignore patterns of the file's sections, skipped block types. */
export type DocSettings = Pick<FileSettings, 'blockIgnores' | 'tokenIgnores'> & {
  readonly skippedScopes?: readonly string[]
  readonly ignoredScopes?: readonly string[]
  readonly ignoredClasses?: readonly string[]
}

/** Every Vale alert of one post, by rule id, as engine matches: message per match, a replacement only when safe. */
export function runVale(doc: ProseDoc, checks: readonly ValeCheck[], settings: DocSettings): Map<string, RuleMatch[]> {
  const vdoc = buildValeDoc(doc, settings)
  const switches = readCommentSwitches(doc.source)
  const out = new Map<string, RuleMatch[]>()
  for (const check of checks) {
    const id = check.def.id
    const matches: RuleMatch[] = []
    for (const alert of check.run(vdoc)) {
      const first = firstOffset(alert.block.range.offsets, alert.start, alert.end)
      // Comments switch off rules on the text; `raw` rules read the file as it is, comments included.
      const raw = alert.block.scopes.has('raw')
      if (!raw && first >= 0 && switches.isOff(id, first, alert.block.range.text.slice(alert.start, alert.end).trim())) continue
      if (first >= 0 && vdoc.ignored.some(([s, e]) => first >= s && first < e)) continue
      const safe = alert.fix !== undefined && fixKeepsWords(alert, alert.fix)
      const lineStart = raw ? undefined : valeGuessedStart(alert, doc.source)
      if (lineStart !== undefined && (first < 0 || lineStart < first)) {
        // A source span from the guessed line's start to the match's end (no fix: its source is not its text).
        const end = lastOffset(alert.block.range.offsets, alert.start, alert.end)
        matches.push({ start: lineStart, end: Math.max(lineStart + 1, end), message: alert.message })
        continue
      }
      matches.push({ range: alert.block.range, start: alert.start, end: alert.end, message: alert.message, ...(safe ? { replacement: alert.fix } : {}) })
    }
    out.set(id, matches)
  }
  return out
}

/** The source offset just past the last character of [start, end) that has one. */
function lastOffset(offsets: Int32Array, start: number, end: number): number {
  for (let i = end - 1; i >= start; i--) if ((offsets[i] ?? -1) >= 0) return (offsets[i] as number) + 1
  return -1
}

function firstOffset(offsets: Int32Array, start: number, end: number): number {
  for (let i = start; i < end; i++) if ((offsets[i] ?? -1) >= 0) return offsets[i] as number
  for (let i = start - 1; i >= 0; i--) if ((offsets[i] ?? -1) >= 0) return offsets[i] as number
  return -1
}

/**
 * The engine's rule objects for one file's Vale checks. They share one run per post
 * (fix safety needs every rule's alerts), memoized on the post's document.
 */
export function valeEngineRules(checks: readonly ValeCheck[], settings: DocSettings): CompiledRule[] {
  const memo = new WeakMap<ProseDoc, Map<string, RuleMatch[]>>()
  const all = (doc: ProseDoc): Map<string, RuleMatch[]> => {
    let result = memo.get(doc)
    if (!result) {
      result = runVale(doc, checks, settings)
      memo.set(doc, result)
    }
    return result
  }
  return checks.map((check) => ({
    id: check.def.id,
    file: check.def.file,
    severity: check.level,
    // Vale reports what a style finds inside quotations; the fix-safety checks still keep fixes off them.
    lintsQuotations: true,
    message: check.def.message,
    ...(check.def.link === undefined ? {} : { url: check.def.link }),
    check: (doc: ProseDoc) => all(doc).get(check.def.id) ?? [],
  }))
}
