import type { TextLines } from '../core/text-lines.js'
import type { FrontMatter } from '../markdown/front-matter.js'
import type { ProseRange } from '../markdown/prose-ranges.js'

/** A link of the post, in source offsets. */
export interface LinkInfo {
  readonly url: string
  readonly start: number
  readonly end: number
  /** A URL written as text (autolink literal or <url>), not a link with words. */
  readonly bare: boolean
  /** `<https://...>`: the author chose to show the URL. */
  readonly angled: boolean
  /** Source offset just past the link text (the `]`), for inline links with text. */
  readonly textEnd?: number
}

/** A heading, for rules about the outline. */
export interface HeadingInfo {
  readonly depth: number
  readonly start: number
  readonly end: number
  readonly text: string
}

/** Everything a checker may read about one post, parsed once and shared by every rule. */
export interface ProseDoc {
  readonly source: string
  readonly lines: TextLines
  readonly ranges: readonly ProseRange[]
  readonly frontMatter?: FrontMatter
  readonly links: readonly LinkInfo[]
  readonly headings: readonly HeadingInfo[]
  /** Source spans of paragraphs, for rules about line layout inside them. */
  readonly paragraphs: readonly { readonly start: number; readonly end: number }[]
  /** Offset of the `<!--more-->` summary separator, if any. */
  readonly moreOffset?: number
}
