import { posix } from 'node:path'
import { handlePullRequest, type RunSummary } from '../github/handle-pull-request.js'
import { recordWrites, type WriteRecord } from '../github/recorded-writes.js'
import { renderRun } from '../github/render-preview.js'
import { octokitPort } from '../github/octokit-port.js'
import type { LintAssets } from '../lint/lint-assets.js'
import { gitReads, resolveRev } from './git.js'
import { EXIT, type CliIo, UsageError } from './io.js'
import { version } from './version.js'

/**
 * Previews the review the app would post for base..head: the app's own handler, over a
 * port that reads the local repository (config and rule files at the base, as the app
 * reads the default branch) and records what the app would write.
 */
export async function reviewCommand(options: { base: string; head: string; repo: string }, io: CliIo, assets: LintAssets): Promise<number> {
  const repo = posix.resolve(io.cwd, options.repo)
  const base = resolveRev(repo, options.base)
  const head = resolveRev(repo, options.head)
  const { port, record } = recordWrites(gitReads(repo, base, head))
  const summary = await handlePullRequest({ port, pr: { repo, number: 0, headSha: head, draft: false }, log: stderrLog(io), assets })
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

/** `OWNER/REPO#N`, or the pull request's URL. */
export function parsePullRequestRef(ref: string): { owner: string; repo: string; number: number } {
  const m = /^([\w.-]+)\/([\w.-]+)#(\d+)$/.exec(ref) ?? /^https?:\/\/[^/]+\/([\w.-]+)\/([\w.-]+)\/pull\/(\d+)\/?$/.exec(ref)
  if (!m) throw new UsageError(`--pr takes OWNER/REPO#NUMBER (or the pull request's URL), not ${JSON.stringify(ref)}`)
  return { owner: m[1] as string, repo: m[2] as string, number: Number(m[3]) }
}

/**
 * Runs the app's handler on a real pull request through the REST API (GITHUB_TOKEN;
 * GITHUB_API_URL for GitHub Enterprise): prints the review the app would post, and with
 * `post` posts it and resolves the threads whose findings are gone. The check run is
 * only shown: GitHub lets only apps and workflows create one.
 */
export async function reviewPullRequestCommand(options: { pr: string; post: boolean }, io: CliIo, assets: LintAssets, env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  const target = parsePullRequestRef(options.pr)
  const token = env.GITHUB_TOKEN
  if (!token && options.post) throw new UsageError('--post needs GITHUB_TOKEN: a token that may write pull requests of the repository')
  const { Octokit } = await import('@octokit/rest')
  const { config } = await import('@probot/octokit-plugin-config')
  const octokit = new (Octokit.plugin(config))({
    ...(token ? { auth: token } : {}),
    baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: `bluepencil/${version()}`,
    // The request log reports every 404 as an error, and a missing config is one: failures that matter are thrown.
    log: { debug: () => undefined, info: () => undefined, warn: (m: string) => io.stderr(`bluepencil: ${m}\n`), error: () => undefined },
  })
  let pull: { head: { sha: string }; draft?: boolean }
  try {
    pull = (await octokit.rest.pulls.get({ owner: target.owner, repo: target.repo, pull_number: target.number })).data
  } catch (error) {
    throw new UsageError(`cannot read pull request ${target.owner}/${target.repo}#${target.number}: ${(error as Error).message}`)
  }
  const github = octokitPort(octokit, target)
  const { port, record } = recordWrites(github, options.post ? { createReview: github.createReview, resolveThreads: github.resolveThreads } : undefined)
  const pr = { repo: `${target.owner}/${target.repo}`, number: target.number, headSha: pull.head.sha, draft: pull.draft === true }
  const summary = await handlePullRequest({ port, pr, log: stderrLog(io), assets })
  io.stdout(renderRun(summary, record, options.post))
  return exitCode(summary, record)
}
