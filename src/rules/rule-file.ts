import { z } from 'zod'
import { BUILTIN_CHECKS, GENERIC_KINDS } from './kinds/registry.js'
import type { RuleOrigin } from './kinds/kind.js'

export type { RuleKind } from './kinds/registry.js'
export type { RuleExample } from './kinds/common-fields.js'
export type { TermSpec } from './kinds/terms.js'

type Schemas<T extends readonly { schema: z.ZodObject }[]> = { -readonly [I in keyof T]: T[I]['schema'] }

const builtinSchema = z.discriminatedUnion('check', BUILTIN_CHECKS.map((c) => c.schema) as unknown as Schemas<typeof BUILTIN_CHECKS>)

/**
 * A rule file as written by a maintainer: the common fields and its kind's options,
 * told apart by `extends` (and, for a built-in check, by `check`).
 */
export const ruleFileSchema = z.discriminatedUnion('extends', [
  ...(GENERIC_KINDS.map((k) => k.schema) as unknown as Schemas<typeof GENERIC_KINDS>),
  builtinSchema,
])

/** A validated rule file, with the id (its base name) and path it was read from. */
export type RuleFile = z.infer<typeof ruleFileSchema> & RuleOrigin
