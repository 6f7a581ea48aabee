import { createRequire } from 'node:module'
import type { ValidateFunction } from 'ajv'
import { byLine, type ConfigError } from './config-error.js'
import { toFieldPath } from './yaml-source.js'

/** Checks a parsed YAML value against a JSON Schema; each error names the field and, when known, its line. */
export type SchemaCheck = (raw: unknown, file: string, lineAt?: (pointer: string) => number | undefined) => ConfigError[]

/** `patternMessage` says in words what a `pattern` in the schema wants (ajv would print the regex). */
export function schemaCheck(schema: object, patternMessage?: string): SchemaCheck {
  let compiled: ValidateFunction | undefined
  // Compiled on first use: most runs have no config file to validate.
  const validator = (): ValidateFunction => {
    if (!compiled) {
      const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv')
      compiled = new Ajv({ allErrors: true }).compile(schema)
    }
    return compiled
  }
  return (raw, file, lineAt) => {
    const validate = validator()
    if (validate(raw)) return []
    return (validate.errors ?? []).map((e) => {
      const pointer = e.keyword === 'additionalProperties' ? `${e.instancePath}/${String((e.params as { additionalProperty: string }).additionalProperty)}` : e.instancePath
      const message = e.keyword === 'additionalProperties' ? 'unknown field'
        : e.keyword === 'enum' ? `must be one of: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`
          : e.keyword === 'pattern' && patternMessage ? patternMessage
            : e.message ?? e.keyword
      const line = lineAt?.(pointer)
      return { file, path: toFieldPath(pointer) || '(root)', message, ...(line === undefined ? {} : { line }) }
    }).sort(byLine)
  }
}
