import { parsePatch as parseUnifiedDiff } from 'diff'

export interface Hunk {
  readonly newStart: number
  readonly newEnd: number
  /** RIGHT-side lines the pull request added. */
  readonly added: ReadonlySet<number>
  /** RIGHT-side lines shown unchanged around the changes. */
  readonly context: ReadonlySet<number>
}

export interface FileDiff {
  readonly hunks: readonly Hunk[]
}

/**
 * Parses the `patch` field GitHub gives for a file (hunks only, no file headers) into
 * the RIGHT-side lines a review comment may anchor on. Every hunk is kept apart: a
 * multi-line comment must lie inside one.
 */
export function parsePatch(patch: string): FileDiff {
  if (!patch.trim()) return { hunks: [] }
  const [file] = parseUnifiedDiff(`--- a\n+++ b\n${patch.replace(/\r\n/g, '\n')}`)
  const hunks = (file?.hunks ?? []).map((h) => {
    const added = new Set<number>()
    const context = new Set<number>()
    let line = h.newStart
    for (const text of h.lines) {
      if (text.startsWith('+')) added.add(line++)
      else if (text.startsWith(' ')) context.add(line++)
      // '-' lines and "\ No newline at end of file" have no RIGHT-side line.
    }
    return { newStart: h.newStart, newEnd: line - 1, added, context }
  })
  return { hunks }
}

/** The hunk holding every line from `first` to `last`, if one does. */
export function hunkCovering(diff: FileDiff, first: number, last: number): Hunk | undefined {
  return diff.hunks.find((h) => first >= h.newStart && last <= h.newEnd)
}
