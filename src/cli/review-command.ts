import { posix } from 'node:path'
import { parseRepoConfigText, DEFAULT_CONFIG } from '../config/repo-config.js'
import { formatConfigError } from '../config/rule-file.js'
import type { SkippedFile } from '../core/types.js'
import { createLinter } from '../lint/linter.js'
import { planReview } from '../review/plan-review.js'
import type { ReviewFile } from '../review/plan-types.js'
import { renderPlanAsText } from '../review/render-plan-text.js'
import { CONFIG_PATH } from './cli-config.js'
import { changedFiles, fileAt, listTree, patchOf, resolveRev } from './git.js'
import { EXIT, type CliIo, UsageError } from './io.js'

/**
 * Previews the review the app would post for base..head: same config source (the
 * base, as the app reads the default branch), same engine, same planner, same bodies.
 */
export function reviewCommand(options: { base: string; head: string; repo: string }, io: CliIo): number {
  const repo = posix.resolve(io.cwd, options.repo)
  const base = resolveRev(repo, options.base)
  const head = resolveRev(repo, options.head)
  const configText = fileAt(repo, base, CONFIG_PATH)?.toString('utf8')
  const parsed = configText === undefined ? { config: DEFAULT_CONFIG, errors: [] } : parseRepoConfigText(configText, CONFIG_PATH)
  const extraRuleFiles = parsed.config.ruleDirs.flatMap((dir) =>
    listTree(repo, base, dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .map((file) => ({ file, text: fileAt(repo, base, file)?.toString('utf8') ?? '' })),
  )
  const { linter, errors } = createLinter({ config: parsed.config, extraRuleFiles })
  const configErrors = [...parsed.errors, ...errors]
  if (configErrors.length > 0) throw new UsageError(configErrors.map(formatConfigError).join('\n'))

  const files: ReviewFile[] = []
  const notReviewed: SkippedFile[] = []
  for (const changed of changedFiles(repo, base, head)) {
    if (!['added', 'modified', 'renamed'].includes(changed.status) || !linter.isPost(changed.path)) continue
    const content = fileAt(repo, head, changed.path)
    if (!content) {
      notReviewed.push({ path: changed.path, reason: 'cannot read the file at the head revision' })
      continue
    }
    const result = linter.lint(changed.path, content)
    if (result.kind === 'skipped') {
      notReviewed.push(result.skipped)
      continue
    }
    files.push({ path: changed.path, source: result.source, patch: patchOf(repo, base, head, changed.path), findings: result.findings })
  }
  const plan = planReview({
    commitId: head,
    files,
    postedFingerprints: new Set(),
    maxComments: parsed.config.maxComments,
    mode: parsed.config.filter,
    notReviewed,
  })
  io.stdout(renderPlanAsText(plan))
  return files.some((f) => f.findings.some((x) => x.severity === 'error')) ? EXIT.findings : EXIT.clean
}
