import type { Finding, SkippedFile } from '../core/types.js'

/** One changed post as the planner needs it: the head text, GitHub's patch and the findings. */
export interface ReviewFile {
  readonly path: string
  readonly source: string
  /** Undefined when GitHub sent no patch (a very large diff). */
  readonly patch: string | undefined
  readonly findings: readonly Finding[]
}

export interface PlannedComment {
  readonly path: string
  readonly line: number
  /** Only when smaller than `line`. */
  readonly startLine?: number
  readonly body: string
  readonly fingerprints: readonly string[]
  readonly findings: readonly Finding[]
}

export interface ReviewPlan {
  readonly commitId: string
  readonly comments: readonly PlannedComment[]
  /** Commentable findings past the cap, listed in the review body. */
  readonly overflow: readonly Finding[]
  /** Findings on changed lines that GitHub cannot anchor, listed in the review body. */
  readonly unanchored: readonly Finding[]
  /** Findings on lines the pull request did not touch: not posted. */
  readonly outsideDiff: readonly Finding[]
  readonly notReviewed: readonly SkippedFile[]
  /** Comments not planned because an earlier run posted them. */
  readonly alreadyPosted: number
  /** Every fingerprint of every finding in these files, posted or not. */
  readonly currentFingerprints: ReadonlySet<string>
  readonly body: string
  /** Nothing new to say: post no review at all. */
  readonly isEmpty: boolean
}
