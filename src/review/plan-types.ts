import type { Finding, SkippedFile } from '../core/types.js'

/** One changed post as the planner needs it: the head text, GitHub's patch and the findings. */
export interface ReviewFile {
  readonly path: string
  /** The file's text at the head commit. */
  readonly source: string
  /** Undefined when GitHub sent no patch (a very large diff). */
  readonly patch: string | undefined
  readonly findings: readonly Finding[]
}

/** One line comment of the review, ready for `pulls.createReview` (side RIGHT). */
export interface PlannedComment {
  readonly path: string
  /** The last line of the range. */
  readonly line: number
  /** Only when smaller than `line`: GitHub refuses a start_line equal to line. */
  readonly startLine?: number
  readonly body: string
  /** One per finding in the comment, without repeats; also written as markers in `body`. */
  readonly fingerprints: readonly string[]
  readonly findings: readonly Finding[]
}

export interface ReviewPlan {
  readonly commitId: string
  /** At most maxComments, sorted by path then line. */
  readonly comments: readonly PlannedComment[]
  /** New anchorable findings past the cap, listed in the review body. */
  readonly overflow: readonly Finding[]
  /** New findings on changed lines that GitHub cannot anchor, listed in the review body. */
  readonly unanchored: readonly Finding[]
  /** Findings on lines the pull request did not touch: not posted. */
  readonly outsideDiff: readonly Finding[]
  /** Posts the review could not cover (no patch, unreadable), listed in the review body. */
  readonly notReviewed: readonly SkippedFile[]
  /** Comments not planned because an earlier run posted every finding in them. */
  readonly alreadyPosted: number
  /** Every fingerprint of every finding in these files, posted or not: threads whose fingerprints are all gone can be resolved. */
  readonly currentFingerprints: ReadonlySet<string>
  /** The review body, with a hidden marker per finding or notice it lists. */
  readonly body: string
  /** Nothing new to say (no new comment, overflow, unanchored finding or not-reviewed notice): post no review. */
  readonly isEmpty: boolean
}
