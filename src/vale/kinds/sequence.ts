import type { ValeRuleDef } from '../load-styles.js'
import { actionFix } from '../action.js'
import { tagSentence, type TaggedToken } from '../pos-tags.js'
import { compileValeRegex, regexFor, type ValeRegex } from '../regex.js'
import { sentences, type ValeBlock } from '../vale-doc.js'
import { blockCheck, formatMessage, readScope, ValeRuleError, type ValeAlert, type ValeCheck } from './common.js'

interface SequenceToken {
  readonly pattern?: ValeRegex
  readonly tag?: ValeRegex
  readonly negate: boolean
  /** Tokens allowed between this one and its neighbour on the anchor's side. */
  readonly skip: number
}

/**
 * `sequence`: tokens in order, each a pattern of one word and/or a part-of-speech tag,
 * read sentence by sentence. As in Vale, the first token with a pattern (and no
 * `negate`) anchors the match; the tokens before it are matched leftwards from it and
 * those after it rightwards, each within `skip` tokens of its neighbour. The alert runs
 * from the first token's word to the last one's; `%[n]s` in the message is the nth word.
 */
export function sequence(def: ValeRuleDef): ValeCheck {
  const raw = Array.isArray(def.fields['tokens']) ? (def.fields['tokens'] as unknown[]) : []
  const ignoreCase = def.fields['ignorecase'] === true
  const compile = (field: string, value: unknown, caseless: boolean): ValeRegex | undefined => {
    if (value === undefined || value === null) return undefined
    try {
      return compileValeRegex(`^(?:${String(value)})$`, { ignoreCase: caseless })
    } catch (error) {
      throw new ValeRuleError(def.file, def.lineOf('tokens'), `token ${field} '${String(value)}': ${(error as Error).message}`)
    }
  }
  const tokens: SequenceToken[] = raw.map((token) => {
    const t = (typeof token === 'object' && token !== null ? token : {}) as Record<string, unknown>
    const pattern = compile('pattern', t['pattern'], ignoreCase)
    const tag = compile('tag', t['tag'], false)
    if (!pattern && !tag) throw new ValeRuleError(def.file, def.lineOf('tokens'), 'a sequence token needs a pattern or a tag')
    return { ...(pattern ? { pattern } : {}), ...(tag ? { tag } : {}), negate: t['negate'] === true, skip: typeof t['skip'] === 'number' ? t['skip'] : 0 }
  })
  const anchor = tokens.findIndex((t) => t.pattern !== undefined && !t.negate)
  if (anchor < 0) throw new ValeRuleError(def.file, def.lineOf('tokens'), 'a sequence needs one token with a pattern and no negate (its anchor)')
  const scope = readScope(def.fields['scope'])
  const runBlock = (block: ValeBlock): ValeAlert[] => {
    const out: ValeAlert[] = []
    const text = block.range.text
    for (const [start, end] of sentences(text)) {
      const words = tagSentence(text, start, end)
      for (let i = 0; i < words.length; i++) {
        const steps = matchAt(tokens, anchor, words, i)
        if (!steps) continue
        const first = words[steps[0] as number] as TaggedToken
        const last = words[steps.at(-1) as number] as TaggedToken
        const matched = text.slice(first.start, last.end)
        const fix = actionFix(def, matched)
        out.push({ block, start: first.start, end: last.end, message: formatMessage(def.message, ...steps.map((s) => (words[s] as TaggedToken).text)), ...(fix === undefined ? {} : { fix }) })
      }
    }
    return out
  }
  return blockCheck(def, scope, runBlock)
}

/** Word indices of each token when the anchor matches word `at`, nearest first; undefined when the sequence fails. */
function matchAt(tokens: readonly SequenceToken[], anchor: number, words: readonly TaggedToken[], at: number): number[] | undefined {
  const word = words[at] as TaggedToken
  if (!fits(tokens[anchor] as SequenceToken, word)) return undefined
  const steps: number[] = new Array<number>(tokens.length)
  steps[anchor] = at
  let position = at
  for (let k = anchor - 1; k >= 0; k--) {
    const token = tokens[k] as SequenceToken
    const found = nearest(token, words, position - 1, -1, token.skip)
    if (found === undefined) return undefined
    steps[k] = found
    position = found
  }
  position = at
  for (let k = anchor + 1; k < tokens.length; k++) {
    const token = tokens[k] as SequenceToken
    const found = nearest(token, words, position + 1, 1, token.skip)
    if (found === undefined) return undefined
    steps[k] = found
    position = found
  }
  return steps
}

function nearest(token: SequenceToken, words: readonly TaggedToken[], from: number, step: 1 | -1, skip: number): number | undefined {
  for (let j = from, n = 0; j >= 0 && j < words.length && n <= skip; j += step, n++) {
    if (fits(token, words[j] as TaggedToken)) return j
    // A negated token names what may not stand here: it is not searched for further away.
    if (token.negate) return undefined
  }
  return undefined
}

function fits(token: SequenceToken, word: TaggedToken): boolean {
  const ok = (token.pattern === undefined || full(token.pattern, word.text)) && (token.tag === undefined || full(token.tag, word.tag))
  return token.negate ? !ok : ok
}

function full(re: ValeRegex, text: string): boolean {
  const js = regexFor(re, text)
  js.lastIndex = 0
  return js.test(text)
}
