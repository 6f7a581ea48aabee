import { structuredPatch } from 'diff'

/** GitHub's `patch` field for a file changed from `before` to `after`: hunks only, as unified diff writes them. */
export function githubPatch(before: string, after: string): string {
  const patch = structuredPatch('a', 'b', before, after, '', '', { context: 3 })
  const start = (first: number, count: number): number => (count === 0 ? first - 1 : first)
  return patch.hunks
    .map((h) => [`@@ -${start(h.oldStart, h.oldLines)},${h.oldLines} +${start(h.newStart, h.newLines)},${h.newLines} @@`, ...h.lines].join('\n'))
    .join('\n')
}
