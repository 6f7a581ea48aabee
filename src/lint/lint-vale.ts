import type { Finding } from '../core/types.js'
import { lintMarkdown } from './lint-markdown.js'
import { valePosition } from '../vale/position.js'
import type { ValeProject } from '../vale/vale-project.js'

/** One post through the engine with a Vale project's rules only. */
export function lintWithVale(project: ValeProject, path: string, source: string): Finding[] {
  return lintMarkdown({ path, source, rules: project.rulesFor(path) })
}

/** Vale's line format: `path:LINE:COL:Style.Rule:message`, the column in characters. */
export function valeLine(finding: Finding, source: string, shownPath: string): string {
  const { line, column } = valePosition(source, finding.span.start.offset)
  return `${shownPath}:${line}:${column}:${finding.ruleId}:${finding.message}`
}
