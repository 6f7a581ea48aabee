import type { ProseDoc, ProseRange } from '../../markdown/prose-doc.js'

/** Words a sentence does not end on: a paragraph that stops on one was cut off, not left without its period. */
export const OPEN_ENDING = new Set(
  'a an the to of in on at by for from with via through into onto than that which who whose whom and or but nor as is are was were be been has have had can could will would should may might must if when while because so such our your their its my this these those each every'.split(' '),
)

/** A sentence ends and the next begins ("Run it. Then", "(done.) The"): an item or a text of several sentences. */
export const SENTENCE_BREAK = /[.!?]["'”’)]?\s+["“(]?\p{Lu}/u
/** An abbreviation's period is its own, not a sentence's. */
export const ABBREVIATION_END = /\b(?:etc|e\.g|i\.e|vs|al|Inc|Ltd|Co)\.$/

/**
 * The source end of the paragraph a range is the text of, when its last visible character
 * is its last prose: a period goes there. Only a link's closing markup may follow the last
 * word ("[clusters](#cluster)"); after code, HTML or emphasis markup there is no safe place.
 */
export function paragraphEnd(doc: ProseDoc, range: ProseRange): number | undefined {
  const first = range.offsets.find((o) => o >= 0)
  if (first === undefined) return undefined
  const span = doc.paragraphs.find((p) => p.start <= first && first < p.end)
  if (!span) return undefined
  let lastVisible = -1
  for (let i = range.offsets.length - 1; i >= 0 && lastVisible < 0; i--) lastVisible = range.offsets[i] ?? -1
  if (lastVisible < 0) return undefined
  const tail = doc.source.slice(lastVisible + 1, span.end)
  return tail === '' || /^\]\([^)\s]*\)$/.test(tail) ? span.end : undefined
}
