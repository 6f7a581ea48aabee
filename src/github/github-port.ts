// The handler's view of GitHub; only the Octokit adapter knows REST and GraphQL.

export interface ChangedFile {
  readonly path: string
  readonly status: string
  /** Absent when GitHub omits the diff (very large files). */
  readonly patch?: string
}

export interface ReviewComment {
  readonly id: number
  readonly body: string
  readonly author: string
  readonly authorIsBot: boolean
  readonly inReplyTo?: number
}

export interface NewReviewComment {
  readonly path: string
  readonly body: string
  readonly line: number
  readonly side: 'RIGHT'
  readonly start_line?: number
  readonly start_side?: 'RIGHT'
}

export interface CheckAnnotation {
  readonly path: string
  readonly start_line: number
  readonly end_line: number
  readonly annotation_level: 'notice' | 'warning' | 'failure'
  readonly message: string
  readonly title: string
}

export interface CheckRunReport {
  readonly headSha: string
  readonly conclusion: 'success' | 'neutral' | 'failure'
  readonly title: string
  readonly summary: string
  readonly annotations: readonly CheckAnnotation[]
  /** The run's key, stored as the check run's external_id. */
  readonly externalId?: string
}

export interface NewReview {
  readonly commitId: string
  readonly body: string
  readonly comments: readonly NewReviewComment[]
}

/**
 * `.github/bluepencil.yml` of the default branch: already parsed (Probot's config reader,
 * which also follows `_extends` and the owner's `.github` repository), or as text with
 * its file name so errors can name the line. Undefined when the repository has none.
 */
export type ConfigSource = (({ readonly parsed: unknown } | { readonly text: string; readonly file: string }) & { readonly house?: HouseSource }) | undefined

/** `.github/bluepencil-house.yml` (written by `bluepencil learn`), read like the config. */
export type HouseSource = { readonly parsed: unknown } | { readonly text: string; readonly file: string }

export type RepoPath = { readonly text: string } | { readonly names: readonly string[] }

/** What the handler reads of a pull request. */
export interface GitHubReads {
  /** Throws when the config exists but cannot be read. */
  readConfig(): Promise<ConfigSource>
  listChangedFiles(): Promise<ChangedFile[]>
  /** File bytes at a ref, or undefined when missing. */
  getFile(path: string, ref: string): Promise<Uint8Array | undefined>
  /** Rule files (*.yml) in a folder of the default branch. */
  listRuleFiles(dir: string): Promise<{ file: string; text: string }[]>
  /**
   * A path of the default branch: a file's text, or a folder's names (folders end in `/`);
   * undefined when absent. The Vale configuration and its styles are read this way.
   */
  readRepoPath(path: string): Promise<RepoPath | undefined>
  /**
   * Every folder of the default branch with its names (folders end in `/`; the root is
   * ``), in one call; undefined when the tree is too large to come whole (then folders
   * are listed one by one with readRepoPath).
   */
  readRepoFolders?(): Promise<Record<string, string[]> | undefined>
  listReviewComments(): Promise<ReviewComment[]>
  /** Bodies of the reviews already on the pull request. */
  listReviewBodies(): Promise<string[]>
}

/** What the handler writes: one review, the check run, resolved threads. */
export interface GitHubWrites {
  createReview(review: NewReview): Promise<void>
  reportCheckRun(report: CheckRunReport): Promise<void>
  /** Resolves the review threads that start with these comments; best effort. */
  resolveThreads(commentIds: readonly number[]): Promise<number>
}

/** The GitHub calls the handler makes: over Octokit (app, Action, `review --pr`) or over local git (`review`). */
export interface GitHubPort extends GitHubReads, GitHubWrites {}
