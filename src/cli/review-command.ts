import { posix } from 'node:path'
import { handlePullRequest, type RunSummary } from '../github/handle-pull-request.js'
import { recordWrites, type WriteRecord } from '../github/recorded-writes.js'
import { renderRun } from '../github/render-preview.js'
import { gitReads, resolveRev } from './git.js'
import { EXIT, type CliIo } from './io.js'

/**
 * Previews the review the app would post for base..head: the app's own handler, over a
 * port that reads the local repository (config and rule files at the base, as the app
 * reads the default branch) and records what the app would write.
 */
export async function reviewCommand(options: { base: string; head: string; repo: string }, io: CliIo): Promise<number> {
  const repo = posix.resolve(io.cwd, options.repo)
  const base = resolveRev(repo, options.base)
  const head = resolveRev(repo, options.head)
  const { port, record } = recordWrites(gitReads(repo, base, head))
  const summary = await handlePullRequest({ port, pr: { repo, number: 0, headSha: head, draft: false }, log: stderrLog(io) })
  io.stdout(renderRun(summary, record, false))
  return exitCode(summary, record)
}

/** 2 for a config the app would refuse, 1 when the check run fails or a post has an error-level finding. */
export function exitCode(summary: RunSummary, record: WriteRecord): number {
  if (summary.outcome === 'invalid-config') return EXIT.usage
  return summary.errors > 0 || record.checkRuns.some((c) => c.conclusion === 'failure') ? EXIT.findings : EXIT.clean
}

export function stderrLog(io: CliIo): { info: () => void; warn: (fields: Record<string, unknown>, message: string) => void } {
  return {
    info: () => undefined,
    warn: (fields, message) => io.stderr(`bluepencil: ${message}${fields.error ? `: ${String(fields.error)}` : ''}\n`),
  }
}
