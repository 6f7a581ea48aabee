import type { ValeRuleDef } from './load-styles.js'

/** A vocabulary's accept.txt and reject.txt. */
export interface Vocab {
  readonly accept: string[]
  readonly reject: string[]
}

/** Vale's own style, `Vale`: Spelling, Repetition, and the vocabulary's Terms and Avoid. */
export function builtinRules(vocab: Vocab): [string, ValeRuleDef][] {
  const make = (rule: string, kind: string, message: string, fields: Record<string, unknown>): [string, ValeRuleDef] => [
    `Vale.${rule}`,
    { id: `Vale.${rule}`, style: 'Vale', file: `(built-in Vale.${rule})`, extends: kind, level: 'error', message, fields: { message, ...fields }, lineOf: () => 1 },
  ]
  return [
    make('Spelling', 'spelling', "Did you really mean '%s'?", {}),
    make('Repetition', 'repetition', "'%s' is repeated!", { tokens: ['[^\\s]+'], alpha: true, action: { name: 'edit', params: ['truncate', ' '] } }),
    make('Terms', 'vale-terms', "Use '%s' instead of '%s'.", {}),
    make('Avoid', 'existence', "Avoid using '%s'.", { tokens: vocab.reject.length > 0 ? vocab.reject : ['(?!)'], vocab: false }),
  ]
}
