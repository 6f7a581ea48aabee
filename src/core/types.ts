/** Shared data shapes of the engine, the review planner and the app. No logic here. */

export type Severity = 'error' | 'warning' | 'suggestion'

/**
 * How sure a rule is of its fix. `safe`: mechanical, an editor never rejects it (spacing,
 * a doubled word, the one right spelling of a term); `bluepencil fix` applies it.
 * `review`: wording, proposed for a human to accept. `none`: message only.
 */
export type FixTier = 'safe' | 'review' | 'none'

/** Where prose lives in a post; rules choose the scopes they read. */
export type Scope = 'paragraph' | 'heading' | 'list' | 'blockquote' | 'table' | 'alt' | 'link' | 'frontmatter'

/** 1-based line and column, 0-based offset, all in UTF-16 code units of the source. */
export interface Point {
  readonly line: number
  readonly column: number
  readonly offset: number
}

/** End is exclusive. */
export interface Span {
  readonly start: Point
  readonly end: Point
}

/** A column edit in source offsets: replace [start, end) with text. */
export interface Edit {
  readonly start: number
  readonly end: number
  readonly text: string
}

/**
 * A whole-line fix: lines startLine..endLine (1-based, inclusive) become `text`.
 * `text` carries no final line terminator; line breaks inside it are the source's own.
 * This is exactly what a GitHub suggestion block replaces; empty text deletes the lines.
 */
export interface LineFix {
  readonly startLine: number
  readonly endLine: number
  readonly text: string
}

export interface Finding {
  readonly path: string
  readonly ruleId: string
  readonly severity: Severity
  /** One short plain sentence, in the editor's tone. */
  readonly message: string
  readonly description?: string
  readonly url?: string
  readonly span: Span
  /** The source text at `span`. */
  readonly actual: string
  /** Replacement candidates; empty for message-only findings. */
  readonly expected: readonly string[]
  /** How sure the rule is of its fix (absent: `review`). */
  readonly fixTier?: FixTier
  /** Column edits this finding alone would make (source offsets). */
  readonly edits: readonly Edit[]
  /** The merged whole-line fix of every finding touching the same lines; absent when not safe. */
  readonly fix?: LineFix
  /** Another place the finding refers to (a duplicate's original), 1-based line. */
  readonly relatedLine?: number
}

/** A file the engine refused to lint, with the reason (not UTF-8, too large, ...). */
export interface SkippedFile {
  readonly path: string
  readonly reason: string
}
