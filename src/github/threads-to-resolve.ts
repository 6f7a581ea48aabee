import { readMarkers } from '../review/fingerprint.js'
import type { ReviewComment } from './github-port.js'

/**
 * The comments that start Bluepencil's threads (they carry its markers) whose findings
 * are all gone from the posts (`current` holds every fingerprint of this run), leaving
 * alone any thread a human replied in: a reply means someone is still talking about it.
 */
export function threadsToResolve(existing: readonly ReviewComment[], current: ReadonlySet<string>): number[] {
  const repliedTo = new Set(existing.filter((c) => !c.authorIsBot && c.inReplyTo !== undefined).map((c) => c.inReplyTo))
  return existing
    .filter((c) => {
      const fps = readMarkers(c.body)
      return c.inReplyTo === undefined && fps.length > 0 && !repliedTo.has(c.id) && fps.every((fp) => !current.has(fp))
    })
    .map((c) => c.id)
}
