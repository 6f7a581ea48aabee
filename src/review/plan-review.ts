import { compareCodeUnits } from '../core/compare.js'
import type { Finding, SkippedFile } from '../core/types.js'
import { mapToDiff, type DiffMode } from '../diff/map-to-diff.js'
import { parsePatch } from '../diff/parse-patch.js'
import { buildSuggestion } from './build-suggestion.js'
import { fingerprint, hashOf, marker } from './fingerprint.js'
import { groupPlacements, type CommentGroup } from './group-placements.js'
import { fixForCommentLines } from './comment-fix.js'
import type { PlannedComment, ReviewFile, ReviewPlan } from './plan-types.js'
import { MAX_BODY, renderComment, RUN_KEY_ROOM } from './render-comment.js'
import { renderReviewBody } from './render-review-body.js'

export interface PlanOptions {
  readonly commitId: string
  readonly files: readonly ReviewFile[]
  /** Fingerprints found in the pull request's existing review comments and review bodies. */
  readonly postedFingerprints: ReadonlySet<string>
  readonly maxComments: number
  readonly mode?: DiffMode
  readonly notReviewed?: readonly SkippedFile[]
}

/**
 * Decides the one review to post: which findings become line comments (one per group of
 * overlapping lines, one suggestion each), which go to the body, which were posted by an
 * earlier run. Pure and deterministic: the same inputs always give the same plan.
 */
export function planReview(options: PlanOptions): ReviewPlan {
  const posted = options.postedFingerprints
  const currentFingerprints = new Set<string>()
  const fpOf = new Map<Finding, string>()
  const groups: (CommentGroup & { path: string; source: string })[] = []
  const unanchored: Finding[] = []
  const outsideDiff: Finding[] = []
  const notReviewed = [...(options.notReviewed ?? [])]
  let reviewed = 0

  for (const file of [...options.files].sort((a, b) => compareCodeUnits(a.path, b.path))) {
    const findings = [...file.findings].sort((a, b) => a.span.start.offset - b.span.start.offset || a.span.end.offset - b.span.end.offset || compareCodeUnits(a.ruleId, b.ruleId))
    for (const f of findings) fpOf.set(f, fingerprint(f, file.source))
    for (const f of findings) currentFingerprints.add(fpOf.get(f) as string)
    const diff = readPatch(file.patch)
    if (typeof diff === 'string') {
      notReviewed.push({ path: file.path, reason: diff })
      continue
    }
    reviewed++
    const placements = mapToDiff(findings, diff, options.mode ?? 'added')
    for (const p of placements) {
      if (p.kind === 'unanchored') unanchored.push(p.finding)
      else if (p.kind === 'outside-diff') outsideDiff.push(p.finding)
    }
    groups.push(...groupPlacements(placements).map((g) => ({ ...g, path: file.path, source: file.source })))
  }
  const fps = (findings: readonly Finding[]): string[] => [...new Set(findings.map((f) => fpOf.get(f) as string))]

  // A comment is new if one of its findings is; one whose every finding was posted is skipped.
  const fresh = groups.filter((g) => fps(g.findings).some((fp) => !posted.has(fp)))
  const cap = Math.max(0, Math.floor(Number.isFinite(options.maxComments) ? options.maxComments : 0))
  const comments = fresh.slice(0, cap).map((g) => toComment(g, fps(g.findings)))
  const overflow = fresh.slice(cap).flatMap((g) => g.findings)
  const newUnanchored = unanchored.filter((f) => !posted.has(fpOf.get(f) as string))
  notReviewed.sort((a, b) => compareCodeUnits(a.path, b.path))
  // A notice has no finding: its own marker keeps it from being repeated on every push.
  const notices = notReviewed.map((s) => ({ skipped: s, fp: hashOf('not-reviewed', s.path, s.reason) }))
  const newNotices = notices.filter((n) => !posted.has(n.fp))

  const alreadyPosted = groups.length - fresh.length
  const markers = [...new Set([...fps(overflow), ...fps(newUnanchored), ...notices.map((n) => n.fp)])].map(marker).join('\n')
  const text = renderReviewBody({
    files: reviewed,
    comments: comments.length,
    overflow,
    unanchored: newUnanchored,
    notReviewed,
    outsideDiff: outsideDiff.length,
    alreadyPosted,
    maxLength: MAX_BODY - markers.length - RUN_KEY_ROOM,
  })
  return {
    commitId: options.commitId,
    comments,
    overflow,
    unanchored: newUnanchored,
    outsideDiff,
    notReviewed,
    alreadyPosted,
    currentFingerprints,
    body: markers === '' ? text : `${text}\n\n${markers}`,
    isEmpty: comments.length === 0 && overflow.length === 0 && newUnanchored.length === 0 && newNotices.length === 0,
  }
}

/** The patch's hunks, or why the file cannot be reviewed. */
function readPatch(patch: string | undefined): ReturnType<typeof parsePatch> | string {
  if (patch === undefined) return 'GitHub sent no diff for it (too large to show)'
  try {
    return parsePatch(patch)
  } catch {
    return 'its diff could not be read, so no comment could be anchored safely'
  }
}

function toComment(g: CommentGroup & { readonly path: string; readonly source: string }, fingerprints: readonly string[]): PlannedComment {
  const fix = g.fixes.length === 0 ? undefined : fixForCommentLines({ fixes: g.fixes, source: g.source, startLine: g.startLine, endLine: g.line })
  return {
    path: g.path,
    line: g.line,
    // GitHub refuses start_line unless it precedes line.
    ...(g.startLine < g.line ? { startLine: g.startLine } : {}),
    body: renderComment({ findings: g.findings, suggestion: fix ? buildSuggestion(fix, g.source) : null, fingerprints }),
    fingerprints,
    findings: g.findings,
  }
}
