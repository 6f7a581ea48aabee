import type { Finding } from '../core/types.js'
import { marker } from './fingerprint.js'

/** GitHub refuses comment and review bodies over 65,536 characters. */
export const MAX_BODY = 65_536
/** Left free in a review body for the run key and separators the app appends (src/github/post-review-once.ts). */
export const RUN_KEY_ROOM = 128

/**
 * A line comment as an editor writes it: one short sentence per finding, the suggestion
 * block, a small rule reference, then the hidden fingerprints that keep re-runs from
 * posting it twice. `suggestion` is a block from buildSuggestion, or null.
 */
export function renderComment(options: { findings: readonly Finding[]; suggestion: string | null; fingerprints: readonly string[] }): string {
  const messages = [...new Set(options.findings.map((f) => f.message))]
  const tail = [ruleReference(options.findings), [...new Set(options.fingerprints)].map(marker).join('\n')]
  // GitHub renders each line break of a comment, so one message per line reads as a list.
  // A wording fix (tier `review`) is an editor's proposal, not a correction: say so.
  const proposal = options.suggestion !== null && options.findings.some((f) => f.fixTier === 'review') ? [PROPOSAL] : []
  const body = [messages.join('\n'), ...proposal, ...(options.suggestion === null ? [] : [options.suggestion]), ...tail].join('\n\n')
  if (body.length <= MAX_BODY) return body
  // Only a pathological fix or group reaches the limit: drop the block, then trim the messages.
  const note = options.suggestion === null ? [] : ['The suggested text is too long for a comment.']
  const room = MAX_BODY - tail.join('\n\n').length - 200
  let text = messages.join('\n')
  if (text.length > room) text = `${text.slice(0, room).replace(/\n[^\n]*$/, '')}\n…`
  return [text, ...note, ...tail].join('\n\n')
}

export const PROPOSAL = 'A proposed rewording: accept it only if it keeps your meaning.'

/** `<sub>bluepencil · [rule](url) · warning</sub>`, one rule · severity pair per rule in the comment. */
function ruleReference(findings: readonly Finding[]): string {
  const byRule = new Map(findings.map((f) => [f.ruleId, f]))
  const pairs = [...byRule.values()].map((f) => `${f.url ? `[${f.ruleId}](${linkTarget(f.url)})` : f.ruleId} · ${f.severity}`)
  return `<sub>bluepencil · ${pairs.join('; ')}</sub>`
}

/** A rule file's URL may hold spaces or parentheses, which would end a Markdown link early. */
function linkTarget(url: string): string {
  return url.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}
