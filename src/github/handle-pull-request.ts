import { parseRepoConfig, parseRepoConfigText, type RepoConfig } from '../config/repo-config.js'
import type { LintAssets } from '../lint/lint-assets.js'
import { formatConfigError, type ConfigError } from '../config/config-error.js'
import type { SkippedFile } from '../core/types.js'
import { postMatcher } from '../lint/post-paths.js'
import { lintPool } from '../lint-pool/lint-pool.js'
import { emptyTree, fetchValeFor } from '../vale/fetch-vale.js'
import { readMarkers } from '../review/fingerprint.js'
import { planReview } from '../review/plan-review.js'
import type { ReviewFile, ReviewPlan } from '../review/plan-types.js'
import { checkReportForPlan, configFailure, type PostRuleFailure } from './check-report.js'
import type { CheckRunReport, ConfigSource, GitHubPort } from './github-port.js'
import { HOUSE_STYLE_PATH, parseHouseStyle, parseHouseStyleText } from '../config/house-style.js'
import { hasRunKey, postReviewOnce, runId, runKey } from './post-review-once.js'
import { fallbackReviewRequest, reviewRequest } from './review-request.js'
import { threadsToResolve } from './threads-to-resolve.js'

export interface PullRequestInfo {
  /** owner/name, for the log. */
  readonly repo: string
  readonly number: number
  readonly headSha: string
  readonly draft: boolean
}

export interface RunLog {
  info(fields: Record<string, unknown>, message: string): void
  warn(fields: Record<string, unknown>, message: string): void
}

export interface RunSummary {
  readonly outcome: 'reviewed' | 'nothing-new' | 'already-reviewed' | 'skipped-draft' | 'no-posts' | 'invalid-config'
  readonly files: number
  readonly findings: number
  /** Error-level findings anywhere in the reviewed posts. */
  readonly errors: number
  readonly comments: number
  /** The plan, when the run got that far (the CLI lists the findings it left alone). */
  readonly plan?: ReviewPlan
}

export interface HandlerOptions {
  readonly port: GitHubPort
  readonly pr: PullRequestInfo
  readonly log: RunLog
  /** The dictionary, opened once by the entry point (a repository's Vale styles use it); the rules are compiled on the lint thread. */
  readonly assets: Pick<LintAssets, 'dictionary'>
}

const CONFIG_FILE = '.github/bluepencil.yml'
/** Every status GitHub gives a pull request's file, but `removed` and `unchanged`. */
const REVIEWABLE = new Set(['added', 'modified', 'renamed', 'copied', 'changed'])

/**
 * One run on a pull request, as numbered steps: config, files, lint, plan, post, report,
 * resolve. Every decision is a pure function; this only sequences the port's I/O. The
 * config comes from the default branch, so a pull request cannot loosen its own rules.
 */
export async function handlePullRequest(options: HandlerOptions): Promise<RunSummary> {
  const { port, pr, log } = options
  const none = { files: 0, findings: 0, errors: 0, comments: 0 }
  // One review per (pull request, head SHA): a run of this SHA already posted it (a retry after a lost answer, a redelivery).
  const key = runKey(pr.number, pr.headSha)
  // The check run carries the key too, so an operator can tie it to its review and run.
  const keyed = (report: CheckRunReport): CheckRunReport => ({ ...report, summary: `${report.summary}\n${key}`, externalId: runId(pr.number, pr.headSha) })

  // 1. Configuration and the repository's own rules.
  const parsed = parseConfig(await readConfig(port))
  if (parsed.errors.length > 0) {
    await port.reportCheckRun(keyed(configFailure(pr.headSha, parsed.errors.map(formatConfigError))))
    return { outcome: 'invalid-config', ...none }
  }
  const { config } = parsed
  if (pr.draft && !config.drafts) return { outcome: 'skipped-draft', ...none }
  const extraRuleFiles = (await Promise.all(config.ruleDirs.map((dir) => port.listRuleFiles(dir)))).flat()
  // Checked where the rules are compiled, on a lint thread, which keeps them for the posts.
  const ruleErrors = await lintPool().ruleErrors({ config, extraRuleFiles })
  const isPost = postMatcher(config)
  // A Vale configuration, as Vale finds it from each post's folder (or `vale:`), read through the API.
  const valeTree = emptyTree()
  const valeFor = (path: string) => fetchValeFor({ read: (p) => port.readRepoPath(p), ...(port.readRepoFolders ? { readFolders: () => port.readRepoFolders?.() ?? Promise.resolve(undefined) } : {}), postPath: path, configured: config.vale, tree: valeTree, dictionary: options.assets.dictionary })

  // 2. The changed posts.
  const changed = (await port.listChangedFiles()).filter((f) => REVIEWABLE.has(f.status) && isPost(f.path))
  if (changed.length === 0) return { outcome: 'no-posts', ...none }

  // 3. Lint each post at the head commit.
  const files: ReviewFile[] = []
  const notReviewed: SkippedFile[] = []
  const ruleFailures: PostRuleFailure[] = []
  for (const file of changed) {
    const bytes = await port.getFile(file.path, pr.headSha)
    if (!bytes) {
      notReviewed.push({ path: file.path, reason: 'could not be read at the head commit (missing, or over 100 MB)' })
      continue
    }
    const vale = await valeFor(file.path)
    if (vale && 'error' in vale) {
      addOnce(ruleErrors, vale.error)
      notReviewed.push({ path: file.path, reason: `its Vale configuration cannot be used (${formatConfigError(vale.error)})` })
      continue
    }
    for (const problem of vale?.problems ?? []) addOnce(ruleErrors, problem)
    // On a worker thread: the process keeps answering webhooks and health checks meanwhile.
    const result = await lintPool().lint({ config, extraRuleFiles, path: file.path, bytes, ...(vale ? { vale: vale.snapshot } : {}) })
    if (result.kind === 'skipped') notReviewed.push(result.skipped)
    else {
      files.push({ path: file.path, source: result.source, patch: file.patch, findings: result.findings })
      ruleFailures.push(...result.ruleFailures.map((f) => ({ ...f, path: file.path })))
    }
  }
  for (const f of ruleFailures) log.warn({ repo: pr.repo, pr: pr.number, path: f.path, rule: f.ruleId, error: f.message }, 'a rule failed on a post; the other rules reviewed it')

  // 4. What was posted before: markers in the pull request's comments and review bodies.
  const existing = await port.listReviewComments()
  const bodies = await port.listReviewBodies()
  const posted = new Set([...existing.flatMap((c) => readMarkers(c.body)), ...bodies.flatMap(readMarkers)])
  const alreadyReviewed = hasRunKey(bodies, key)

  // 5. Plan and post one review, only when something is new.
  const plan = planReview({ commitId: pr.headSha, files, postedFingerprints: posted, maxComments: config.maxComments, mode: config.filter, notReviewed })
  if (!plan.isEmpty && !alreadyReviewed) {
    try {
      await postReviewOnce(port, reviewRequest(plan), key)
    } catch (error) {
      if ((error as { status?: number }).status !== 422) throw error
      log.warn({ repo: pr.repo, pr: pr.number, error: (error as Error).message }, 'review rejected (422); posting the comments in the review body')
      await postReviewOnce(port, fallbackReviewRequest(plan), key)
    }
  }

  // 6. The check run: totals and annotations for every finding on the changed lines.
  await port.reportCheckRun(keyed(checkReportForPlan({ plan, files, failOn: config.failOn, ruleErrors, ruleFailures })))

  // 7. Resolve the threads whose finding is gone, unless a human replied.
  const gone = threadsToResolve(existing, plan.currentFingerprints)
  if (gone.length > 0) {
    try {
      await port.resolveThreads(gone)
    } catch (error) {
      log.warn({ repo: pr.repo, pr: pr.number, error: (error as Error).message }, 'could not resolve fixed review threads; going on')
    }
  }

  const all = files.flatMap((f) => f.findings)
  return { outcome: plan.isEmpty ? 'nothing-new' : alreadyReviewed ? 'already-reviewed' : 'reviewed', files: files.length, findings: all.length, errors: all.filter((f) => f.severity === 'error').length, comments: plan.comments.length, plan }
}

function addOnce(list: ConfigError[], error: ConfigError): void {
  const text = formatConfigError(error)
  if (!list.some((e) => formatConfigError(e) === text)) list.push(error)
}

/** A config that cannot be read at all is reported like an invalid one: in the check run. */
async function readConfig(port: GitHubPort): Promise<ConfigSource | Error> {
  try {
    return await port.readConfig()
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error))
  }
}

function parseConfig(source: ConfigSource | Error): { config: RepoConfig; errors: readonly ConfigError[] } {
  if (source instanceof Error) return { config: parseRepoConfig(undefined, CONFIG_FILE).config, errors: [{ file: CONFIG_FILE, path: '', message: source.message }] }
  if (source === undefined) return parseRepoConfig(undefined, CONFIG_FILE)
  const parsed = 'text' in source ? parseRepoConfigText(source.text, source.file) : parseRepoConfig(source.parsed, CONFIG_FILE)
  if (!source.house) return parsed
  // The house style learned from the blog's posts, under the config's own settings.
  const house = 'text' in source.house ? parseHouseStyleText(source.house.text, source.house.file) : parseHouseStyle(source.house.parsed, HOUSE_STYLE_PATH)
  return { config: { ...parsed.config, house: house.house }, errors: [...parsed.errors, ...house.errors] }
}
