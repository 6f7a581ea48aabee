import { applyFixes } from '../lint/apply-fixes.js'
import { lintMarkdown } from '../lint/lint-markdown.js'
import type { ConfigError } from '../config/config-error.js'
import type { LineFix } from '../core/types.js'
import { compileRules } from '../rules/compile-rules.js'
import type { PatternFacts } from '../rules/match/pattern-facts.js'
import type { RuleFile } from '../rules/rule-file.js'
import type { Dictionary } from '../spelling/dictionary.js'

/** Examples each rule needs of each sort, bundled or a repository's own: `check-rules` and `npm test` ask the same. */
const MIN_EACH = 2

/** Examples run as a repository whose config says `site: https://example.com` (reserved for documentation). */
export const EXAMPLE_SITE = 'https://example.com'

export interface ExampleFailure {
  readonly rule: string
  readonly file: string
  /** The field at fault: `examples.N` for one example, `examples` for the set, another field when the rule does not compile. */
  readonly field: string
  /** Line of the failing example (or of the field at fault) in the rule file, when known. */
  readonly line?: number
  readonly problem: string
}

/**
 * Runs a rule's own examples (at least two bad and two good): every `bad` is flagged by the rule (with the
 * `message` and at the `at` line:column it pins, if any; its fixes give `fixed`, or no fix for `flag: true`),
 * every `good` is not. The other rule files are
 * compiled alongside, so a rule sees the same shared terms as in a real run.
 */
export function checkExamples(rule: RuleFile, allRules: readonly RuleFile[], context: { readonly dictionary: Dictionary; readonly patterns?: PatternFacts }): ExampleFailure[] {
  const { rules, errors } = compileRules([...allRules.filter((r) => r.id !== rule.id), rule], { extraTerms: [], accept: [], sites: [EXAMPLE_SITE], ...context })
  const compiled = rules.filter((r) => r.id === rule.id)
  const failures: ExampleFailure[] = []
  const fail = (example: number, problem: string): void => {
    const line = example < 0 ? rule.lines?.examples : rule.lines?.example[example]
    failures.push({ rule: rule.id, file: rule.file, field: example < 0 ? 'examples' : `examples.${example}`, ...(line === undefined ? {} : { line }), problem })
  }
  for (const e of errors.filter((x) => x.file === rule.file)) failures.push({ rule: rule.id, file: rule.file, field: e.path, problem: e.message })
  if (compiled.length === 0) return failures
  rule.examples.forEach((example, index) => {
    const source = 'good' in example ? example.good : example.bad
    let threw: unknown
    const findings = lintMarkdown({ path: `example-${index + 1}.md`, source, rules: compiled, onRuleFailure: (_, error) => (threw ??= error) })
    if (threw !== undefined) return fail(index, `the rule failed on this example (${threw instanceof Error ? threw.message : String(threw)})`)
    if ('good' in example) {
      if (findings.length > 0) fail(index, `good example is flagged: ${findings.map((f) => `"${f.actual}" (${f.message})`).join('; ')}`)
      return
    }
    if (findings.length === 0) return fail(index, 'bad example is not flagged')
    const pinned = findings.filter((f) => (example.message === undefined || f.message === example.message) && (example.at === undefined || `${f.span.start.line}:${f.span.start.column}` === example.at))
    if (pinned.length === 0) {
      const seen = findings.map((f) => `${f.span.start.line}:${f.span.start.column} "${f.message}"`).join('; ')
      return fail(index, `no finding${example.at === undefined ? '' : ` at ${example.at}`}${example.message === undefined ? '' : ` with message "${example.message}"`}; found ${seen}`)
    }
    const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : []))
    if (example.flag && fixes.length > 0) return fail(index, 'example says flag only, but the rule proposes a fix')
    if (example.fixed !== undefined) {
      const fixed = applyFixes(source, dedupe(fixes))
      if (fixed !== example.fixed) fail(index, `fix gives:\n${fixed}\nexpected:\n${example.fixed}`)
    }
  })
  const bad = rule.examples.filter((e) => 'bad' in e).length
  if (bad < MIN_EACH || rule.examples.length - bad < MIN_EACH) fail(-1, `needs at least ${MIN_EACH} bad and ${MIN_EACH} good examples (has ${bad} and ${rule.examples.length - bad})`)
  return failures
}

function dedupe(fixes: readonly LineFix[]): LineFix[] {
  return [...new Map(fixes.map((f) => [`${f.startLine}:${f.endLine}`, f])).values()]
}

export function exampleFailureToError(f: ExampleFailure): ConfigError {
  return { file: f.file, path: f.field, message: f.problem, ...(f.line === undefined ? {} : { line: f.line }) }
}
