import { diffWordsWithSpace } from 'diff'

/** One word-level edit of a line: at a character offset of the original, `removed` became `added`. */
export interface WordEdit {
  readonly at: number
  readonly removed: string
  readonly added: string
}

/** Word edits that turn `before` into `after`; adjacent removals and additions form one edit. */
export function wordEdits(before: string, after: string): WordEdit[] {
  const edits: WordEdit[] = []
  let at = 0
  let current: { at: number; removed: string; added: string } | undefined
  for (const part of diffWordsWithSpace(before, after)) {
    if (!part.added && !part.removed) {
      if (current) edits.push(normalise(current))
      current = undefined
      at += part.value.length
      continue
    }
    current ??= { at, removed: '', added: '' }
    if (part.removed) {
      current.removed += part.value
      at += part.value.length
    } else current.added += part.value
  }
  if (current) edits.push(normalise(current))
  return edits.filter((e) => e.removed.trim() !== '' || e.added.trim() !== '' || e.removed !== e.added)
}

function normalise(e: WordEdit): WordEdit {
  return { at: e.at, removed: e.removed.replace(/\s+/g, ' '), added: e.added.replace(/\s+/g, ' ') }
}

export const editKey = (e: WordEdit): string => `${e.at}\u0000${e.removed.trim()}\u0000${e.added.trim()}`
