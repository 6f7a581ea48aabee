import type { Finding, LineFix, SkippedFile } from '../core/types.js'
import { mapToDiff, type DiffMode } from '../diff/map-to-diff.js'
import { parsePatch } from '../diff/parse-patch.js'
import { fingerprint, marker } from './fingerprint.js'
import type { PlannedComment, ReviewFile, ReviewPlan } from './plan-types.js'
import { renderComment } from './render-comment.js'
import { renderReviewBody } from './render-review-body.js'
import { createHash } from 'node:crypto'

export interface PlanOptions {
  readonly commitId: string
  readonly files: readonly ReviewFile[]
  /** Fingerprints found in the pull request's existing review comments and review bodies. */
  readonly postedFingerprints: ReadonlySet<string>
  readonly maxComments: number
  readonly mode?: DiffMode
  readonly notReviewed?: readonly SkippedFile[]
}

interface Group {
  readonly path: string
  startLine: number
  line: number
  readonly fix: LineFix | undefined
  readonly findings: Finding[]
  readonly fingerprints: string[]
}

/**
 * Decides the one review to post: which findings become line comments (merged per
 * line range, one suggestion each), which go to the body, and which were posted before.
 * Pure: the same inputs always give the same plan.
 */
export function planReview(options: PlanOptions): ReviewPlan {
  const posted = options.postedFingerprints
  const current = new Set<string>()
  const groups: Group[] = []
  const unanchored: Finding[] = []
  const outsideDiff: Finding[] = []
  const notReviewed = [...(options.notReviewed ?? [])]
  const bodyMarkers: string[] = []

  for (const file of [...options.files].sort((a, b) => a.path.localeCompare(b.path))) {
    const fps = new Map(file.findings.map((f) => [f, fingerprint(f, file.source)]))
    for (const fp of fps.values()) current.add(fp)
    if (file.patch === undefined) {
      notReviewed.push({ path: file.path, reason: 'GitHub sent no diff for it (too large to show)' })
      continue
    }
    const diff = parsePatch(file.patch)
    const placed: { finding: Finding; startLine: number; line: number }[] = []
    for (const finding of file.findings) {
      const placement = mapToDiff(finding, diff, options.mode ?? 'added')
      if (placement.kind === 'comment') placed.push(placement)
      else if (placement.kind === 'unanchored') unanchored.push(finding)
      else outsideDiff.push(finding)
    }
    groups.push(...groupByLines(file.path, placed, fps))
  }

  let alreadyPosted = 0
  const fresh = groups.filter((g) => {
    const isNew = g.fingerprints.some((fp) => !posted.has(fp))
    if (!isNew) alreadyPosted++
    return isNew
  })
  const comments: PlannedComment[] = fresh.slice(0, Math.max(0, options.maxComments)).map(toComment)
  const overflow = fresh.slice(Math.max(0, options.maxComments)).flatMap((g) => g.findings)
  const fpOf = (f: Finding): string => fingerprint(f, options.files.find((x) => x.path === f.path)?.source ?? '')
  const newUnanchored = unanchored.filter((f) => !posted.has(fpOf(f)))
  const skipMarkers = notReviewed.map((s) => createHash('sha256').update(`skip\u0000${s.path}\u0000${s.reason}`).digest('hex').slice(0, 16))
  const newSkips = notReviewed.filter((_, i) => !posted.has(skipMarkers[i] as string))
  bodyMarkers.push(...overflow.map(fpOf), ...newUnanchored.map(fpOf), ...skipMarkers)
  const isEmpty = comments.length === 0 && overflow.length === 0 && newUnanchored.length === 0 && newSkips.length === 0
  const body = renderReviewBody({
    files: options.files.length,
    comments: comments.length,
    overflow,
    unanchored: newUnanchored,
    notReviewed,
    outsideDiff: outsideDiff.length,
    alreadyPosted,
  }) + (bodyMarkers.length > 0 ? `\n\n${[...new Set(bodyMarkers)].map(marker).join('\n')}` : '')
  return { commitId: options.commitId, comments, overflow, unanchored: newUnanchored, outsideDiff, notReviewed, alreadyPosted, currentFingerprints: current, body, isEmpty }
}

/**
 * One comment per suggestion: findings with the same fix share it (the engine merged
 * them), and message-only findings inside that range join it. Other message-only
 * findings on overlapping lines share a comment without a suggestion.
 */
function groupByLines(path: string, placed: readonly { finding: Finding; startLine: number; line: number }[], fps: ReadonlyMap<Finding, string>): Group[] {
  const groups: Group[] = []
  const add = (g: Group, p: { finding: Finding; startLine: number; line: number }): void => {
    g.findings.push(p.finding)
    g.fingerprints.push(fps.get(p.finding) as string)
    g.startLine = Math.min(g.startLine, p.startLine)
    g.line = Math.max(g.line, p.line)
  }
  const withFix = placed.filter((p) => p.finding.fix)
  for (const p of withFix) {
    const fix = p.finding.fix as LineFix
    const group = groups.find((g) => g.fix && g.fix.startLine === fix.startLine && g.fix.endLine === fix.endLine)
    if (group) add(group, p)
    else groups.push({ path, startLine: fix.startLine, line: fix.endLine, fix, findings: [p.finding], fingerprints: [fps.get(p.finding) as string] })
  }
  for (const p of placed.filter((x) => !x.finding.fix)) {
    const inside = groups.find((g) => g.fix && p.startLine >= g.startLine && p.line <= g.line)
    const overlapping = inside ?? groups.find((g) => !g.fix && p.startLine <= g.line && p.line >= g.startLine)
    if (overlapping) add(overlapping, p)
    else groups.push({ path, startLine: p.startLine, line: p.line, fix: undefined, findings: [p.finding], fingerprints: [fps.get(p.finding) as string] })
  }
  for (const g of groups) {
    const order = g.findings.map((f, i) => [f, g.fingerprints[i] as string] as const).sort(([a], [b]) => a.span.start.offset - b.span.start.offset || a.ruleId.localeCompare(b.ruleId))
    g.findings.splice(0, g.findings.length, ...order.map(([f]) => f))
    g.fingerprints.splice(0, g.fingerprints.length, ...order.map(([, fp]) => fp))
  }
  return groups.sort((a, b) => a.line - b.line || a.startLine - b.startLine)
}

function toComment(g: Group): PlannedComment {
  return {
    path: g.path,
    line: g.line,
    ...(g.startLine < g.line ? { startLine: g.startLine } : {}),
    body: renderComment(g.findings, g.fix, g.fingerprints),
    fingerprints: g.fingerprints,
    findings: g.findings,
  }
}
