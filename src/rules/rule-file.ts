import { z } from 'zod'
import { RULE_KINDS } from './kinds/registry.js'
import type { RuleOrigin } from './kinds/kind.js'

export type { RuleKind } from './kinds/registry.js'
export type { RuleExample } from './kinds/common-fields.js'
export type { TermSpec } from './kinds/terms.js'

/** A rule file as written by a maintainer: the common fields and its kind's options, told apart by `extends`. */
export const ruleFileSchema = z.discriminatedUnion('extends', RULE_KINDS.map((k) => k.schema) as unknown as MapSchemas<typeof RULE_KINDS>)

type MapSchemas<T extends readonly { schema: z.ZodObject }[]> = { -readonly [I in keyof T]: T[I]['schema'] }

/** A validated rule file, with the id (its base name) and path it was read from. */
export type RuleFile = z.infer<typeof ruleFileSchema> & RuleOrigin
