import { formatConfigError, type ConfigError } from '../config/config-error.js'
import { compareCodeUnits } from '../core/compare.js'
import type { Finding, Severity } from '../core/types.js'
import type { ReviewFile, ReviewPlan } from '../review/plan-types.js'
import type { CheckAnnotation, CheckRunReport } from './github-port.js'

const LEVEL: Record<Severity, CheckAnnotation['annotation_level']> = { error: 'failure', warning: 'warning', suggestion: 'notice' }
const RANK: Record<Severity, number> = { suggestion: 0, warning: 1, error: 2 }

/** The check run: totals per rule and one annotation per finding; failure only when the config blocks on that level. */
export function checkReport(options: {
  headSha: string
  findings: readonly Finding[]
  failOn: 'error' | 'warning' | 'never'
  posts: number
  notes?: readonly string[]
  /** A rule file of the repository is invalid: fail, so the author sees it, while the valid rules still ran. */
  invalidRules?: boolean
}): CheckRunReport {
  const { findings } = options
  const byRule = new Map<string, { count: number; severity: Severity }>()
  for (const f of findings) byRule.set(f.ruleId, { count: (byRule.get(f.ruleId)?.count ?? 0) + 1, severity: f.severity })
  const blocking = options.invalidRules === true || (options.failOn !== 'never' && findings.some((f) => RANK[f.severity] >= RANK[options.failOn as Severity]))
  const rows = [...byRule].sort((a, b) => b[1].count - a[1].count || compareCodeUnits(a[0], b[0])).map(([rule, { count, severity }]) => `| \`${rule}\` | ${severity} | ${count} |`)
  const summary = [
    `Bluepencil checked ${options.posts} post${options.posts === 1 ? '' : 's'} and found ${findings.length} thing${findings.length === 1 ? '' : 's'} to look at.`,
    ...(rows.length > 0 ? ['', '| rule | level | findings |', '|---|---|---|', ...rows] : []),
    ...(options.notes ?? []).flatMap((n) => ['', n]),
  ].join('\n')
  return {
    headSha: options.headSha,
    conclusion: blocking ? 'failure' : findings.length === 0 ? 'success' : 'neutral',
    title: findings.length === 0 ? 'No findings' : `${findings.length} finding${findings.length === 1 ? '' : 's'}`,
    summary,
    annotations: findings.map((f) => ({
      path: f.path,
      start_line: f.span.start.line,
      end_line: Math.max(f.span.start.line, f.span.end.line),
      annotation_level: LEVEL[f.severity],
      message: f.fix ? `${f.message}\n\nSuggested:\n${f.fix.text}`.slice(0, 64_000) : f.message,
      title: f.ruleId,
    })),
  }
}

/** A rule that threw on one post of the run. */
export interface PostRuleFailure {
  readonly path: string
  readonly ruleId: string
  readonly message: string
}

/**
 * The check run of one run: every finding on the lines the pull request changed, whether
 * this run comments on it, lists it in the body, or an earlier run already posted it;
 * notes for the repository's broken rule files and for posts not reviewed.
 */
export function checkReportForPlan(options: { plan: ReviewPlan; files: readonly ReviewFile[]; failOn: 'error' | 'warning' | 'never'; ruleErrors: readonly ConfigError[]; ruleFailures?: readonly PostRuleFailure[] }): CheckRunReport {
  const { plan, files } = options
  const shown = [...plan.comments.flatMap((c) => c.findings), ...plan.overflow, ...plan.unanchored]
  const seen = new Set([...shown, ...plan.outsideDiff])
  const alreadyPosted = files.flatMap((f) => f.findings).filter((f) => !seen.has(f))
  const notes = [
    ...options.ruleErrors.map((e) => `Rule file problem: ${formatConfigError(e)}`),
    ...plan.notReviewed.map((s) => `Not reviewed: ${s.path} (${s.reason})`),
    ...(options.ruleFailures ?? []).map((f) => `Rule failed: \`${f.ruleId}\` on ${f.path} (${f.message}); the other rules reviewed the post.`),
  ]
  return checkReport({ headSha: plan.commitId, findings: [...new Set([...shown, ...alreadyPosted])], failOn: options.failOn, posts: files.length, notes, invalidRules: options.ruleErrors.length > 0 })
}

/** A configuration problem: the check fails with every message, and nothing else is posted. */
export function configFailure(headSha: string, messages: readonly string[]): CheckRunReport {
  return {
    headSha,
    conclusion: 'failure',
    title: 'Invalid Bluepencil configuration',
    summary: ['Bluepencil could not use its configuration:', '', ...messages.map((m) => `- ${m}`)].join('\n'),
    annotations: [],
  }
}
