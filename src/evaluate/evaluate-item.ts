import type { Finding } from '../core/types.js'
import { applyFixes } from '../lint/apply-fixes.js'
import type { Linter } from '../lint/linter.js'
import { editKey, wordEdits } from './word-edits.js'

/** What the linter may see of a review item: the post as submitted, nothing of the editor's answer. */
export interface ItemInput {
  readonly file: string
  readonly context: string
  readonly original: string
}

export interface ItemOutcome {
  /** Findings on the original line(s). */
  readonly findings: readonly Finding[]
  /** Findings on context lines, which the editor left alone. */
  readonly contextFindings: readonly Finding[]
  /** The original line(s) after the bot's merged fixes. */
  readonly botLine: string
}

/** Lints context + original as one post and applies the fixes that fall on the original's lines. */
export function runItem(linter: Linter, input: ItemInput): ItemOutcome {
  const prefix = input.context === '' || input.context.endsWith('\n') ? input.context : `${input.context}\n`
  const source = `${prefix}${input.original}\n`
  const firstLine = prefix.split('\n').length
  const lastLine = firstLine + input.original.split('\n').length - 1
  const result = linter.lint(input.file, source)
  if (result.kind !== 'linted') return { findings: [], contextFindings: [], botLine: input.original }
  const onOriginal = (f: Finding) => f.span.end.line >= firstLine && f.span.start.line <= lastLine
  const findings = result.findings.filter(onOriginal)
  const fixes = findings.flatMap((f) => (f.fix && f.fix.startLine >= firstLine ? [f.fix] : []))
  const fixed = applyFixes(source, fixes)
  const botLine = fixed.slice(prefix.length).replace(/\n$/, '')
  return { findings, contextFindings: result.findings.filter((f) => !onOriginal(f)), botLine }
}

export interface EditScore {
  readonly botEdits: number
  readonly matchedEdits: number
  readonly exact: boolean
}

/** Compares the bot's line with the editor's, edit by edit. */
export function scoreEdits(original: string, editor: string, bot: string): EditScore {
  const wanted = new Set(wordEdits(original, editor).map(editKey))
  const made = wordEdits(original, bot)
  return { botEdits: made.length, matchedEdits: made.filter((e) => wanted.has(editKey(e))).length, exact: bot === editor }
}
