import type { ProseDoc } from '../checks/types.js'
import type { CompiledRule } from '../config/compile-rules.js'
import { indexLines } from '../core/text-lines.js'
import type { Finding } from '../core/types.js'
import { readFrontMatter } from '../markdown/front-matter.js'
import { parseMarkdown } from '../markdown/parse.js'
import { collectProse } from '../markdown/prose-ranges.js'
import { readOutline } from '../markdown/outline.js'
import { isSuppressed, readSuppressions } from '../markdown/suppressions.js'
import { mergeFixes } from './merge-fixes.js'
import { toFinding } from './to-finding.js'

const MORE = /^<!--\s*more\s*-->$/i

/** The per-file pipeline: parse once, share prose with every rule, then merge fixes per line. */
export function lintMarkdown(options: { path: string; source: string; rules: readonly CompiledRule[] }): Finding[] {
  const { path, source, rules } = options
  const tree = parseMarkdown(source)
  const frontMatter = readFrontMatter(tree, source)
  const more = tree.children.find((n) => n.type === 'html' && MORE.test(n.value.trim()))
  const doc: ProseDoc = {
    source,
    lines: indexLines(source),
    ranges: collectProse(tree, source),
    ...readOutline(tree),
    ...(frontMatter ? { frontMatter } : {}),
    ...(more?.position?.start.offset === undefined ? {} : { moreOffset: more.position.start.offset }),
  }
  const suppressions = readSuppressions(tree, source)
  const findings: Finding[] = []
  for (const rule of rules) {
    for (const match of rule.check(doc)) {
      const finding = toFinding(match, rule, doc, path)
      if (finding && !isSuppressed(suppressions, rule.id, finding.span.start.offset)) findings.push(finding)
    }
  }
  findings.sort(
    (a, b) => a.span.start.offset - b.span.start.offset || a.span.end.offset - b.span.end.offset || a.ruleId.localeCompare(b.ruleId),
  )
  return mergeFixes(findings, doc.lines)
}
