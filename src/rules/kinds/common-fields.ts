import { z } from 'zod'

/**
 * The fields every rule file has, whatever its kind. Each kind adds its own options
 * (see defineKind); rules/rule.schema.json is generated from these schemas.
 */

const example = z.union([
  z.strictObject({
    bad: z.string().meta({ description: 'Markdown that must be flagged.' }),
    fixed: z.string().optional().meta({ description: 'The exact text after applying the fixes; omit with flag: true for a message-only finding.' }),
    flag: z.literal(true).optional().meta({ description: 'Flag only: the rule must not propose a fix.' }),
    message: z.string().min(1).optional().meta({ description: 'The exact message a finding of this example must show (placeholders filled in).' }),
    at: z.string().regex(/^[1-9][0-9]*:[1-9][0-9]*$/, { error: 'must be line:column (1-based), e.g. "1:12"' }).optional()
      .meta({ description: 'line:column (1-based) where a finding of this example must start, e.g. 1:12.' }),
  }),
  z.strictObject({
    good: z.string().meta({ description: 'Markdown that must not be flagged.' }),
  }),
]).meta({ id: 'example' })

export type RuleExample = z.infer<typeof example>

export const commonFields = {
  message: z.string().min(1).max(200).meta({ id: 'message', description: 'One short plain sentence. Placeholders: {actual}, {expected}, {line}.' }),
  description: z.string().optional().meta({ id: 'description', description: 'Why the rule exists; shown under the message in the CLI.' }),
  level: z.enum(['error', 'warning', 'suggestion']).optional().meta({ id: 'level', default: 'warning' }),
  enabled: z.boolean().optional().meta({ id: 'enabled', default: true, description: 'false: the rule is opt-in, off unless .github/bluepencil.yml gives it a level under rules:.' }),
  fix: z.enum(['safe', 'review', 'none']).optional().meta({ id: 'fix',
    default: 'review',
    description: "How sure the rule's fix is. safe: mechanical, an editor never rejects it (spacing, doubled words, the one right spelling of a term); `bluepencil fix` applies it. review: wording, posted as a proposal and applied only by `bluepencil fix --all`. none: message only.",
  }),
  link: z.string().regex(/^https?:\/\//, { error: 'must be a URL starting with http:// or https://' }).optional().meta({ id: 'link', description: 'Where the style rule is explained.' }),
  examples: z.array(example).min(2).meta({ id: 'examples', description: 'Run by the test suite. Every rule needs at least two bad and two good examples.' }),
}

/** For kinds that read prose ranges: which ones. Kinds that read the post's outline, links or front matter have no scope. */
export const scopeFields = {
  scope: z.array(z.enum(['paragraph', 'heading', 'list', 'blockquote', 'table', 'alt', 'link', 'frontmatter'])).min(1)
    .refine((scopes) => new Set(scopes).size === scopes.length, { error: 'must not list a scope twice' })
    .optional()
    .meta({ id: 'scope', uniqueItems: true, description: 'Prose scopes the rule reads. Default: every scope except table, link (link text is already part of its paragraph) and frontmatter.' }),
  frontmatter: z.array(z.string().min(1)).optional()
    .meta({ id: 'frontmatter', description: 'Front-matter fields the rule reads (opt in), e.g. [title]. Implies scope frontmatter for those fields.' }),
}

/** Options several kinds share, each described where a kind uses it. */
export const phraseList = (description: string) => z.array(z.string().min(1)).min(1).meta({ description })
export const wordList = (description: string) => z.array(z.string()).optional().meta({ description })
export const flag = (description: string) => z.boolean().optional().meta({ description })
