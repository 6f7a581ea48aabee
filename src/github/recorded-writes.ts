import type { CheckRunReport, GitHubPort, GitHubReads, GitHubWrites, NewReview } from './github-port.js'

/** What a run wrote, in order: the CLI prints it as the review the app would post. */
export interface WriteRecord {
  readonly reviews: NewReview[]
  readonly checkRuns: CheckRunReport[]
  readonly resolvedThreads: number[]
}

/**
 * A port that reads through `reads` and records every write; with `forward`, each write
 * is also sent (and recorded only once it succeeded, so a review GitHub refused is not
 * shown as posted).
 */
export function recordWrites(reads: GitHubReads, forward?: Partial<GitHubWrites>): { port: GitHubPort; record: WriteRecord } {
  const record: WriteRecord = { reviews: [], checkRuns: [], resolvedThreads: [] }
  const port: GitHubPort = {
    readConfig: () => reads.readConfig(),
    listChangedFiles: () => reads.listChangedFiles(),
    getFile: (path, ref) => reads.getFile(path, ref),
    listRuleFiles: (dir) => reads.listRuleFiles(dir),
    readRepoPath: (path) => reads.readRepoPath(path),
    ...(reads.readRepoFolders ? { readRepoFolders: () => reads.readRepoFolders?.() ?? Promise.resolve(undefined) } : {}),
    listReviewComments: () => reads.listReviewComments(),
    listReviewBodies: () => reads.listReviewBodies(),
    async createReview(review) {
      await forward?.createReview?.(review)
      record.reviews.push(review)
    },
    async reportCheckRun(report) {
      await forward?.reportCheckRun?.(report)
      record.checkRuns.push(report)
    },
    async resolveThreads(ids) {
      const resolved = forward?.resolveThreads ? await forward.resolveThreads(ids) : ids.length
      record.resolvedThreads.push(...ids)
      return resolved
    },
  }
  return { port, record }
}
