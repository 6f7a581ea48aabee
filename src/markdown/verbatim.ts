import type { ProseRange } from './prose-doc.js'

/**
 * Text no editorial rule may change: what people said (an interview transcript, a
 * speaker's line), issue titles quoted in release notes, and posts not written in English. Rules read English prose the author
 * wrote; they must not "fix" quoted speech or another language.
 */
export function withoutVerbatim(ranges: readonly ProseRange[]): ProseRange[] {
  if (!isMostlyEnglish(ranges)) return []
  const out: ProseRange[] = []
  let transcriptDepth: number | undefined
  for (const range of ranges) {
    if (range.scope === 'heading') {
      const depth = range.depth ?? 1
      if (transcriptDepth !== undefined && depth <= transcriptDepth) transcriptDepth = undefined
      if (transcriptDepth === undefined && TRANSCRIPT_HEADING.test(range.text.trim())) {
        transcriptDepth = depth
        out.push(range)
        continue
      }
    }
    if (transcriptDepth !== undefined && range.scope !== 'heading') continue
    if (range.leadInEnd !== undefined && SPEAKER_LABEL.test(range.text.slice(0, range.leadInEnd))) continue
    if (range.list && ISSUE_TITLE.test(range.text)) continue
    out.push(range)
  }
  return out
}

/** "[FLINK-3716] Decreasing socket timeout...": a release-notes item quoting an issue's title. */
const ISSUE_TITLE = /^\s*\[{0,2}[A-Z][A-Z0-9]+-\d+\]{0,2}/

/** "Transcript", "Full transcript", "Interview transcript", "Video transcript". */
const TRANSCRIPT_HEADING = /^(?:(?:full|interview|video|episode|talk)\s+)?transcript\b/i

/** "**MIKKO VIITANEN:**": a name in capitals and a colon opens a line of a transcript. */
const SPEAKER_LABEL = /^\s*\p{Lu}[\p{Lu}'’.-]+(?:\s+\p{Lu}[\p{Lu}'’.-]*){0,3}\s*:\s*$/u

// The commonest English words make up about a quarter of English prose and almost none of
// other languages' (Spanish "de la que el en"), so a low share means the post is not English.
const ENGLISH_FUNCTION_WORDS = new Set(['the', 'and', 'of', 'to', 'is', 'that', 'for', 'it', 'with', 'on', 'as', 'are', 'this', 'be', 'you', 'we', 'or', 'can', 'by', 'from', 'an', 'will', 'your', 'not', 'have'])
const MIN_WORDS = 80
const MIN_SHARE = 0.08

function isMostlyEnglish(ranges: readonly ProseRange[]): boolean {
  let total = 0
  let english = 0
  for (const range of ranges) {
    if (range.scope === 'frontmatter') continue
    for (const m of range.text.matchAll(/\p{L}+/gu)) {
      total += 1
      if (ENGLISH_FUNCTION_WORDS.has(m[0].toLowerCase())) english += 1
    }
  }
  return total < MIN_WORDS || english / total >= MIN_SHARE
}
