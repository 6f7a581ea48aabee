import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { ErrorObject, ValidateFunction } from 'ajv'
import { packageRoot } from '../core/package-root.js'
import { type RuleFile } from './rule-file.js'
import { byLine, type ConfigError } from '../config/config-error.js'
import { lineOf, parseYaml, toFieldPath, type ParsedYaml } from '../config/yaml-source.js'

let validator: ValidateFunction | undefined

/** Compiled on first use: the bundled rules usually come from the build's cache and need no validation. */
function schemaValidator(): ValidateFunction {
  if (!validator) {
    const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv')
    const schema = JSON.parse(readFileSync(join(packageRoot(), 'rules', 'rule.schema.json'), 'utf8')) as object
    validator = new Ajv({ allErrors: true, strict: false }).compile(schema)
  }
  return validator
}

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Parses and validates one rule file's text; the id is the file's base name. */
export function parseRuleFile(text: string, file: string, id: string): { rule: RuleFile } | { errors: ConfigError[] } {
  if (!RULE_ID.test(id)) {
    return { errors: [{ file, path: '', message: `rule id "${id}" (the file name) must be kebab-case: lower-case letters, digits and hyphens` }] }
  }
  const result = parseYaml(text, file)
  if ('errors' in result) return result
  const validate = schemaValidator()
  if (!validate(result.parsed.value)) {
    return { errors: explain(validate.errors ?? [], result.parsed, file) }
  }
  return { rule: { ...(result.parsed.value as Omit<RuleFile, 'id' | 'file'>), id, file } }
}

/** Keeps the most specific message per field: ajv reports every failed branch of anyOf/if. */
function explain(errors: readonly ErrorObject[], parsed: ParsedYaml, file: string): ConfigError[] {
  const useful = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'if' && e.keyword !== 'oneOf')
  const seen = new Set<string>()
  const out: ConfigError[] = []
  for (const e of useful.length > 0 ? useful : errors) {
    const pointer = e.keyword === 'additionalProperties'
      ? `${e.instancePath}/${String((e.params as { additionalProperty: string }).additionalProperty)}`
      : e.instancePath
    const message = describe(e)
    const key = `${pointer} ${message}`
    if (seen.has(key)) continue
    seen.add(key)
    const line = lineOf(parsed, pointer)
    out.push({ file, path: toFieldPath(pointer), message, ...(line === undefined ? {} : { line }) })
  }
  return out.sort(byLine)
}

function describe(e: ErrorObject): string {
  switch (e.keyword) {
    case 'additionalProperties':
      return 'unknown field (check its spelling against rules/rule.schema.json)'
    case 'enum':
      return `must be one of: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`
    case 'required':
      return `missing required field "${(e.params as { missingProperty: string }).missingProperty}"`
    case 'type':
      return `expected ${(e.params as { type: string }).type}`
    default:
      return e.message ?? e.keyword
  }
}
