import type { Edit, Finding } from '../core/types.js'
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
  /** Per rule, the original line(s) after that rule's fixes alone (rules with a fix there). */
  readonly botLineByRule: ReadonlyMap<string, string>
}

/** Lints context + original as one post and applies the fixes that fall on the original's lines. */
export function runItem(linter: Linter, input: ItemInput): ItemOutcome {
  const context = withoutCutFrontMatter(withoutCutIndent(withoutCutFence(input.context)))
  const prefix = context === '' || context.endsWith('\n') ? context : `${context}\n`
  const source = `${prefix}${input.original}\n`
  const firstLine = prefix.split('\n').length
  const lastLine = firstLine + input.original.split('\n').length - 1
  const result = linter.lint(input.file, source)
  if (result.kind !== 'linted') return { findings: [], contextFindings: [], botLine: input.original, botLineByRule: new Map() }
  const onOriginal = (f: Finding) => f.span.end.line >= firstLine && f.span.start.line <= lastLine
  const findings = result.findings.filter(onOriginal)
  const fixes = findings.flatMap((f) => (f.fix && f.fix.startLine >= firstLine ? [f.fix] : []))
  const fixed = applyFixes(source, fixes)
  const botLine = fixed.slice(prefix.length).replace(/\n$/, '')
  const botLineByRule = new Map<string, string>()
  for (const ruleId of new Set(findings.map((f) => f.ruleId))) {
    const edits = findings.filter((f) => f.ruleId === ruleId && f.fix && f.fix.startLine >= firstLine).flatMap((f) => f.edits)
    if (edits.length > 0) botLineByRule.set(ruleId, applyEdits(source, edits).slice(prefix.length).replace(/\n$/, ''))
  }
  return { findings, contextFindings: result.findings.filter((f) => !onOriginal(f)), botLine, botLineByRule }
}

/**
 * A context cut from a diff hunk can start inside a fenced code block; its closing fence
 * would then open a block that swallows the lines under review. Such a context keeps
 * only what follows that fence.
 */
export function withoutCutFence(context: string): string {
  const lines = context.split('\n')
  const fences = lines.flatMap((line, i) => (/^ {0,3}(?:```|~~~)/.test(line) ? [i] : []))
  if (fences.length % 2 === 0) return context
  return lines.slice((fences[0] as number) + 1).join('\n')
}

/**
 * A context cut inside a list item starts with the item's indented continuation lines;
 * at the top of a document they would open an indented code block that runs on, over
 * blank lines, into the lines under review. Such leading lines (code or not, no rule
 * reads them) are left out, up to the first line the post does not indent.
 */
export function withoutCutIndent(context: string): string {
  const lines = context.split('\n')
  const INDENTED = /^(?: {4}|\t)/
  if (!INDENTED.test(lines.find((line) => line.trim() !== '') ?? '')) return context
  const first = lines.findIndex((line) => line.trim() !== '' && !INDENTED.test(line))
  return first === -1 ? context : lines.slice(first).join('\n')
}

const YAML_FIELD = /^[A-Za-z_][\w-]*:(?:\s|$)/

/**
 * A context cut inside a post's front matter starts with its last fields ("title: ...",
 * "summary: ...") and the closing `---`, which then makes them a setext heading or a list.
 * Such leading lines, every one a YAML field, list entry or indented continuation, are left
 * out up to and with that `---`. A context that opens the front matter is left whole.
 */
export function withoutCutFrontMatter(context: string): string {
  const lines = context.split('\n')
  const close = lines.findIndex((line) => /^(?:---|\.\.\.)\s*$/.test(line))
  if (close <= 0) return context
  const head = lines.slice(0, close).filter((line) => line.trim() !== '')
  const yaml = head.length > 0 && YAML_FIELD.test(head[0] as string) && head.every((line) => YAML_FIELD.test(line) || /^\s+\S/.test(line) || /^- /.test(line))
  return yaml ? lines.slice(close + 1).join('\n') : context
}

/** Column edits that a merged fix accepted never overlap; applied last first. */
function applyEdits(source: string, edits: readonly Edit[]): string {
  let out = source
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end)
  return out
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
