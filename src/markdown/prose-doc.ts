import type { TextLines } from '../core/text-lines.js'
import type { Scope } from '../core/types.js'

export interface FrontMatterField {
  readonly name: string
  readonly value: unknown
  /** Source offsets of the value (for a scalar) or of the whole entry. */
  readonly start: number
  readonly end: number
}

export interface FrontMatter {
  readonly start: number
  readonly end: number
  readonly fields: readonly FrontMatterField[]
  /** YAML syntax problems, with source offsets. */
  readonly errors: readonly { readonly offset: number; readonly message: string }[]
  /** String fields as prose ranges (scope 'frontmatter'), for rules that opt in by name. */
  readonly ranges: readonly ProseRange[]
}

export interface ListPosition {
  /** Identifies the list within the post. */
  readonly listId: number
  readonly itemIndex: number
  readonly itemCount: number
  readonly ordered: boolean
  /** Blocks of the item (paragraphs, nested lists, code): an item of one block ends where its text ends. */
  readonly blocks: number
}

export interface ProseRange {
  readonly scope: Scope
  /** Visible text: inline code, HTML, URLs and shortcodes are PLACEHOLDER characters. */
  readonly text: string
  /** Source offset of each UTF-16 unit of `text`; -1 where there is no exact source. */
  readonly offsets: Int32Array
  /** Heading depth (1-6) for headings. */
  readonly depth?: number
  /** For the first paragraph of a list item. */
  readonly list?: ListPosition
  /** End (text offset) of a bold lead-in that opens the block, colon included ("**Note:**"). */
  readonly leadInEnd?: number
  /** Bold text of the block, [start, end) in `text`: UI labels and paths ("**Library > Options**") are names. */
  readonly strong?: readonly (readonly [number, number])[]
  /** Emphasised (italic) text of the block, [start, end) in `text`: Vale's IgnoredScopes can take it out (`em`). */
  readonly emphasis?: readonly (readonly [number, number])[]
  /** Front-matter field name, for scope 'frontmatter'. */
  readonly field?: string
}

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
  /** The post's path, for what a blog reads from the file name (Jekyll's `2023-12-18-title.md` date). */
  readonly path?: string
  readonly lines: TextLines
  readonly ranges: readonly ProseRange[]
  readonly frontMatter?: FrontMatter
  readonly links: readonly LinkInfo[]
  readonly headings: readonly HeadingInfo[]
  /** Source spans of paragraphs, for rules about line layout inside them. */
  readonly paragraphs: readonly { readonly start: number; readonly end: number }[]
  /** Source spans of the post's top-level raw HTML blocks, as the parser reads them. */
  readonly htmlBlocks: readonly { readonly start: number; readonly end: number }[]
  /** Offset of the `<!--more-->` summary separator, if any. */
  readonly moreOffset?: number
}
