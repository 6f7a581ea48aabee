import type { ProseRange } from '../markdown/prose-doc.js'

/**
 * What a checker reports. With `range`, start/end are offsets into range.text;
 * without, they are source offsets. `replacement` undefined means message only.
 */
export interface RuleMatch {
  readonly range?: ProseRange
  readonly start: number
  readonly end: number
  readonly replacement?: string
  /**
   * For a match without `range`: the few source edits that turn the matched span into
   * `replacement` (a list's markers), so each is guarded on its own and the text between
   * (code, quotations) is not an edit at all.
   */
  readonly edits?: readonly { readonly start: number; readonly end: number; readonly text: string }[]
  /** Text for the {expected} placeholder when there is no replacement. */
  readonly expected?: string
  /** Source offset of another place the finding points to. */
  readonly relatedOffset?: number
  /** This match's own message, for rules whose text varies per match (Vale's `%s`); replaces the rule's template. */
  readonly message?: string
}

