import { stringify } from 'yaml'
import { z } from 'zod'
import type { ConfigError } from './config-error.js'
import { schemaErrors } from './schema-errors.js'
import { lineOf, parseYaml } from './yaml-source.js'

/** Where `bluepencil learn` writes the house style, next to the config; the CLI and the app read it from there. */
export const HOUSE_STYLE_PATH = '.github/bluepencil-house.yml'

/**
 * The house style of one blog, learned from its published posts and committed by a
 * maintainer: what the bundled rules assume differently from this blog.
 */
export interface HouseStyle {
  /** How the blog writes headings below the title. `title`: Title Case is the house style, not a slip. */
  readonly headingCase?: 'sentence' | 'title'
  /** Section headings the blog writes one way in many posts ("List of Contributors"): heading-case keeps them. */
  readonly headings?: readonly string[]
  /** How list items end. `period`: items end with a period even as fragments. */
  readonly listItemPunctuation?: 'period' | 'none'
  /** Fields every post has, with where they live (`params.author` for Hugo's params). */
  readonly frontMatter?: { readonly required: readonly string[] }
  /** Words no dictionary knows that the blog writes so in several posts ("upsert"): spelling accepts them. */
  readonly vocabulary?: readonly string[]
  /** Names the blog spells one way: kept as written (no rule corrects them, spelling accepts them). */
  readonly terms?: readonly string[]
}

const houseSchema = z.strictObject({
  headingCase: z.enum(['sentence', 'title']),
  headings: z.array(z.string().min(1)),
  listItemPunctuation: z.enum(['period', 'none']),
  frontMatter: z.strictObject({
    required: z.array(z.string().regex(/^[^.\s|]+(?:\.[^.\s|]+)*$/, { error: 'must be a field name, with dots for nested fields (params.author)' })),
  }),
  terms: z.array(z.string().min(1)),
}).partial()

/** Validates an already-parsed house style (the app reads it through the GitHub API). */
export function parseHouseStyle(raw: unknown, file: string, lineAt?: (pointer: string) => number | undefined): { house: HouseStyle; errors: ConfigError[] } {
  if (raw === null || raw === undefined) return { house: {}, errors: [] }
  const parsed = houseSchema.safeParse(raw)
  if (!parsed.success) return { house: {}, errors: schemaErrors({ issues: parsed.error.issues, value: raw, file, lineAt }) }
  // Parsed YAML holds no undefined values: a field given is a field set.
  return { house: parsed.data as HouseStyle, errors: [] }
}

/** Parses the house-style file's text, keeping line numbers for errors. */
export function parseHouseStyleText(text: string, file: string): { house: HouseStyle; errors: ConfigError[] } {
  const parsed = parseYaml(text, file)
  if ('errors' in parsed) return { house: {}, errors: parsed.errors }
  return parseHouseStyle(parsed.parsed.value, file, (pointer) => lineOf(parsed.parsed, pointer))
}

/** The file `learn` writes: plain YAML, one comment per setting saying what it changes. */
export function formatHouseStyle(house: HouseStyle, postCount: number): string {
  const out = [
    `# The house style of this blog, learned by \`bluepencil learn\` from ${postCount} published posts.`,
    '# Review it and commit it: Bluepencil (the CLI and the app) reads it like .github/bluepencil.yml,',
    '# whose settings win where both speak.',
  ]
  const block = (comment: string, value: Record<string, unknown>): void => {
    out.push('', `# ${comment}`, stringify(value, { lineWidth: 0 }).trimEnd())
  }
  if (house.headingCase) block(house.headingCase === 'title' ? 'Headings are in Title Case: heading-case stays quiet.' : 'Headings are in sentence case: heading-case flags Title Case headings.', { headingCase: house.headingCase })
  if (house.headings && house.headings.length > 0) block('Section headings written so in at least 3 posts, by more than one author, and 95% of the posts that have them: heading-case keeps them as written.', { headings: [...house.headings] })
  if (house.listItemPunctuation) block(house.listItemPunctuation === 'period' ? 'List items end with a period: list-item-fragments does not strip it.' : 'List items end without a period.', { listItemPunctuation: house.listItemPunctuation })
  if (house.frontMatter) block('Fields every post has (dots: nested fields, as Hugo keeps params.author): front-matter requires them.', { frontMatter: { required: [...house.frontMatter.required] } })
  if (house.terms && house.terms.length > 0) block('Names spelled one way in at least 3 posts, by more than one author, and 95% of their uses: no rule corrects them. To correct their other spellings too, move them to terms: in bluepencil.yml.', { terms: [...house.terms] })
  if (house.vocabulary && house.vocabulary.length > 0) block('Words no dictionary knows, written so in at least 3 posts by more than one author, and no common misspelling: spelling accepts them as this blog\'s vocabulary.', { vocabulary: [...house.vocabulary] })
  return `${out.join('\n')}\n`
}
