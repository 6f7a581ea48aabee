import { parsePatch as parseUnifiedDiff } from 'diff'

export interface Hunk {
  /** First RIGHT-side (head) line of the hunk. */
  readonly newStart: number
  /** RIGHT-side lines in the hunk: added plus context. */
  readonly newLines: number
  /** RIGHT-side lines the pull request added. */
  readonly addedLines: ReadonlySet<number>
  /** RIGHT-side lines shown unchanged around the changes. */
  readonly contextLines: ReadonlySet<number>
}

export interface FileDiff {
  readonly hunks: readonly Hunk[]
}

/**
 * Parses the `patch` GitHub gives for a file (hunks only, no file headers) into the
 * RIGHT-side lines a review comment may anchor on. Hunks stay apart because a
 * multi-line comment must lie inside one. Throws when the patch is malformed (hunk
 * counts disagree, e.g. a truncated patch): anchoring on a guess would get the whole
 * review rejected, so the caller must treat the file as not reviewed.
 */
export function parsePatch(patch: string): FileDiff {
  if (patch.trim() === '') return { hunks: [] }
  // jsdiff wants file headers; GitHub's patch starts directly at the first "@@".
  const files = parseUnifiedDiff(`--- a\n+++ b\n${patch}`)
  if (files.length !== 1) throw new Error(`expected the patch of one file, got ${files.length}`)
  const hunks = (files[0]?.hunks ?? []).map((h): Hunk => {
    const addedLines = new Set<number>()
    const contextLines = new Set<number>()
    let line = h.newStart
    for (const text of h.lines) {
      // A CRLF file's patch lines end in "\r": only the first character matters here.
      // jsdiff hands a blank line inside a hunk over as '' and counts it as context.
      if (text.startsWith('+')) addedLines.add(line++)
      else if (text.startsWith(' ') || text === '') contextLines.add(line++)
      // '-' lines and "\ No newline at end of file" have no RIGHT-side line.
    }
    return { newStart: h.newStart, newLines: line - h.newStart, addedLines, contextLines }
  })
  return { hunks }
}

/** The hunk showing this RIGHT-side line (added or context), if any. */
export function hunkOfLine(diff: FileDiff, line: number): Hunk | undefined {
  return diff.hunks.find((h) => h.addedLines.has(line) || h.contextLines.has(line))
}

/** Whether the pull request added (or changed) this RIGHT-side line. */
export function isAddedLine(diff: FileDiff, line: number): boolean {
  return diff.hunks.some((h) => h.addedLines.has(line))
}
