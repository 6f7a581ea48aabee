import type { FrontMatter, ProseDoc } from '../markdown/prose-doc.js'
import type { CompiledRule } from '../rules/compile-rules.js'
import { indexLines } from '../core/text-lines.js'
import type { Finding, FixTier, LineFix } from '../core/types.js'
import { readFrontMatter } from '../markdown/front-matter.js'
import type { Root } from 'mdast'
import { parseMarkdown } from '../markdown/parse.js'
import { spliceParse } from '../markdown/splice-parse.js'
import { collectProse } from '../markdown/prose-ranges.js'
import { readOutline } from '../markdown/outline.js'
import { isSuppressed, readSuppressions, type Suppression } from '../markdown/suppressions.js'
import { editMask } from '../fix-safety/edit-mask.js'
import { guardFinding } from '../fix-safety/guard-finding.js'
import { planFixes } from '../fix-safety/plan-fixes.js'
import { toFinding } from './to-finding.js'
import { compareCodeUnits } from '../core/compare.js'
import { forgetTaggedSentences } from '../vale/pos-tags.js'

const MORE = /^<!--\s*more\s*-->$/i

export interface LintMarkdownOptions {
  readonly path: string
  readonly source: string
  readonly rules: readonly CompiledRule[]
  /** Fix tiers whose fixes are made (default: safe and review, as the app suggests them). */
  readonly fixTiers?: readonly FixTier[]
  /** Told of a rule that threw on this post; the other rules' findings are kept. */
  readonly onRuleFailure?: (ruleId: string, error: unknown) => void
}

/**
 * The per-file pipeline: parse once, share prose with every rule, then merge fixes per
 * line, keeping only fixes that pass the engine's invariants (see fix-safety/).
 */
export function lintMarkdown(options: LintMarkdownOptions): Finding[] {
  const { path, rules, source } = options
  const frontMatterOf = sameFrontMatter()
  const lint = (text: string, tree: Root): Finding[] => findingsOf({ path, source: text, rules, ...(options.onRuleFailure ? { onRuleFailure: options.onRuleFailure } : {}) }, tree, frontMatterOf)
  const tiers = new Set<FixTier>(options.fixTiers ?? ['safe', 'review'])
  const applies = (f: Finding): boolean => tiers.has(f.fixTier ?? 'review')
  // Tags memoised for another post only hold memory: this post and its relints share their own.
  forgetTaggedSentences()
  const tree = parseMarkdown(source)
  // The fixed text differs from the post in a few blocks: only those are parsed again (see splice-parse).
  const relint = (fixed: string, fixes: readonly LineFix[]): Finding[] => lint(fixed, spliceParse(tree, source, fixes, fixed, parseMarkdown) ?? parseMarkdown(fixed))
  return planFixes({ source, findings: lint(source, tree), relint, applies })
}

/** Findings with their guarded column edits, sorted, before fixes are merged. */
function findingsOf(options: LintMarkdownOptions, tree: Root, frontMatterOf: FrontMatterReader): Finding[] {
  const { path, source, rules } = options
  const { doc, suppressions } = readPost(path, source, tree, frontMatterOf)
  const guard = { source, cells: editMask(doc) }
  const findings: Finding[] = []
  for (const rule of rules) {
    // A rule that throws (a bug, a repository's rule meeting a post it did not foresee) costs its own findings only.
    try {
      const own: Finding[] = []
      for (const match of rule.check(doc)) {
        const located = toFinding(match, rule, doc, path)
        const finding = located && guardFinding(located, guard, match.range !== undefined, rule.lintsQuotations === true)
        if (finding && !isSuppressed(suppressions, rule.id, finding.span.start.offset)) own.push(finding)
      }
      findings.push(...own)
    } catch (error) {
      if (!options.onRuleFailure) throw error
      options.onRuleFailure(rule.id, error)
    }
  }
  return findings.sort(
    (a, b) => a.span.start.offset - b.span.start.offset || a.span.end.offset - b.span.end.offset || compareCodeUnits(a.ruleId, b.ruleId),
  )
}

/**
 * What the rules read from a post's syntax tree. No rule sees the tree: it is the
 * largest object of a lint, and dies with the lint of the post.
 */
function readPost(path: string, source: string, tree: Root, frontMatterOf: FrontMatterReader): { doc: ProseDoc; suppressions: Suppression[] } {
  const frontMatter = frontMatterOf(tree, source)
  const more = tree.children.find((n) => n.type === 'html' && MORE.test(n.value.trim()))
  const doc: ProseDoc = {
    source,
    path,
    lines: indexLines(source),
    ranges: collectProse(tree, source),
    ...readOutline(tree),
    ...(frontMatter ? { frontMatter } : {}),
    ...(more?.position?.start.offset === undefined ? {} : { moreOffset: more.position.start.offset }),
  }
  return { doc, suppressions: readSuppressions(tree, source) }
}

type FrontMatterReader = (tree: Root, source: string) => FrontMatter | undefined

/**
 * readFrontMatter, remembering the last answer: the relint of a fixed post meets the same
 * front matter again (fixes rarely touch it), and parsing its YAML was ~3% of a corpus lint.
 * The answer depends on the source up to the front matter's end only.
 */
function sameFrontMatter(): FrontMatterReader {
  let last: { key: string; value: FrontMatter | undefined } | undefined
  return (tree, source) => {
    const node = tree.children[0]
    const end = node?.type === 'yaml' && node.position?.start.offset === 0 ? node.position.end.offset : undefined
    if (end === undefined) return readFrontMatter(tree, source)
    const key = source.slice(0, end)
    if (last?.key !== key) last = { key, value: readFrontMatter(tree, source) }
    return last.value
  }
}
