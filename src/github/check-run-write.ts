import type { CheckAnnotation } from './github-port.js'

/** GitHub takes at most 50 annotations per check-run request; further updates append more. */
export const ANNOTATIONS_PER_REQUEST = 50

/**
 * How to report a run on a commit that may already have our check run. GitHub never
 * replaces annotations: every update appends its batch. So an existing run is updated
 * (summary and conclusion only) when it already holds exactly these annotations, and
 * otherwise a new run is created, which GitHub then shows in place of the old one.
 */
export type CheckRunWrite =
  | { readonly kind: 'create'; readonly batches: readonly (readonly CheckAnnotation[])[] }
  | { readonly kind: 'update'; readonly id: number }

export function planCheckRunWrite(annotations: readonly CheckAnnotation[], existing: { readonly id: number; readonly annotations: readonly CheckAnnotation[] } | undefined): CheckRunWrite {
  if (existing && sameAnnotations(existing.annotations, annotations)) return { kind: 'update', id: existing.id }
  const batches: CheckAnnotation[][] = []
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST))
  return { kind: 'create', batches: batches.length === 0 ? [[]] : batches }
}

/** The same annotations, in any order: GitHub does not promise to list them as sent. */
function sameAnnotations(a: readonly CheckAnnotation[], b: readonly CheckAnnotation[]): boolean {
  if (a.length !== b.length) return false
  const key = (x: CheckAnnotation): string => JSON.stringify([x.path, x.start_line, x.end_line, x.annotation_level, x.title, x.message])
  const left = a.map(key).sort()
  const right = b.map(key).sort()
  return left.every((k, i) => k === right[i])
}
