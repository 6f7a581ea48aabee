import type { Finding, LineFix } from '../core/types.js'
import { buildSuggestion } from './build-suggestion.js'
import { marker } from './fingerprint.js'

/** GitHub refuses comment bodies over 65,536 characters. */
export const MAX_BODY = 65_536

/**
 * A line comment as an editor writes it: the short sentence(s), the suggestion block,
 * then a small rule reference and the hidden fingerprints that make re-runs idempotent.
 */
export function renderComment(findings: readonly Finding[], fix: LineFix | undefined, fingerprints: readonly string[]): string {
  const messages = [...new Set(findings.map((f) => f.message))]
  const parts = [messages.join('\n')]
  if (fix) parts.push(buildSuggestion(fix))
  parts.push(`<sub>${[...new Map(findings.map((f) => [f.ruleId, f])).values()].map(ruleReference).join(' · ')}</sub>`)
  parts.push(fingerprints.map(marker).join('\n'))
  const body = parts.join('\n\n')
  // Only a pathological fix reaches the limit; drop the block rather than be refused.
  return body.length <= MAX_BODY ? body : renderComment(findings, undefined, fingerprints)
}

function ruleReference(f: Finding): string {
  const name = f.url ? `[${f.ruleId}](${f.url})` : `\`${f.ruleId}\``
  return `Bluepencil ${name} (${f.severity})`
}
