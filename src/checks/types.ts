import type { TextLines } from '../core/text-lines.js'
import type { FrontMatter } from '../markdown/front-matter.js'
import type { ProseRange } from '../markdown/prose-ranges.js'

/** Everything a checker may read about one post, parsed once and shared by every rule. */
export interface ProseDoc {
  readonly source: string
  readonly lines: TextLines
  readonly ranges: readonly ProseRange[]
  readonly frontMatter?: FrontMatter
  /** Offset of the `<!--more-->` summary separator, if any. */
  readonly moreOffset?: number
}

/**
 * What a checker reports. With `range`, start/end are offsets into range.text;
 * without, they are source offsets. `replacement` undefined means message only.
 */
export interface RuleMatch {
  readonly range?: ProseRange
  readonly start: number
  readonly end: number
  readonly replacement?: string
  /** Text for the {expected} placeholder when there is no replacement. */
  readonly expected?: string
  /** Source offset of another place the finding points to. */
  readonly relatedOffset?: number
}

export type Checker = (doc: ProseDoc) => RuleMatch[]
