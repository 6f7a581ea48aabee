import { z } from 'zod'
import { ruleFileSchema } from './rule-file.js'

/**
 * rules/rule.schema.json, for editors (`# yaml-language-server: $schema=./rule.schema.json`):
 * generated from the kinds' own schemas, so it cannot drift from what the loader accepts.
 * `npm run schema` writes it; a test checks the file in the repository is up to date.
 */
export function ruleJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ruleFileSchema, { target: 'draft-7', unrepresentable: 'throw' })
  const { $schema, ...rest } = generated
  return {
    $schema,
    $id: 'https://bluepencil.dev/schema/rule.schema.json',
    title: 'Bluepencil rule file',
    description: 'One editorial rule. The file name (without .yml) is the rule id; `extends` names its kind, which decides the other fields.',
    ...rest,
  }
}

export function ruleJsonSchemaText(): string {
  return `${JSON.stringify(ruleJsonSchema(), null, 2)}\n`
}
