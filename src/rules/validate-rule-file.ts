import { BUILTIN_CHECKS, definitionOf, GENERIC_KINDS } from './kinds/registry.js'
import { ruleFileSchema, type RuleFile } from './rule-file.js'
import type { ConfigError } from '../config/config-error.js'
import { schemaErrors, valueAt, type OwnWording } from '../config/schema-errors.js'
import { isObject } from '../core/is-object.js'
import { lineOf, parseYaml } from '../config/yaml-source.js'

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Parses and validates one rule file's text; the id is the file's base name. */
export function parseRuleFile(text: string, file: string, id: string): { rule: RuleFile } | { errors: ConfigError[] } {
  if (!RULE_ID.test(id)) {
    return { errors: [{ file, path: '', message: `rule id "${id}" (the file name) must be kebab-case: lower-case letters, digits and hyphens` }] }
  }
  const result = parseYaml(text, file)
  if ('errors' in result) return result
  const parsed = ruleFileSchema.safeParse(result.parsed.value)
  if (!parsed.success) return { errors: schemaErrors({ issues: parsed.error.issues, value: result.parsed.value, file, lineAt: (pointer) => lineOf(result.parsed, pointer), ownWording: ruleWording }) }
  const line = (pointer: string): number => lineOf(result.parsed, pointer) ?? 1
  const lines = { examples: line('/examples'), example: parsed.data.examples.map((_, i) => line(`/examples/${i}`)) }
  return { rule: { ...parsed.data, id, file, lines } }
}

/** What only a rule file says: which kinds and checks there are, and which kind a misplaced field belongs to. */
const ruleWording: OwnWording = (issue, path, root) => {
  if (issue.code === 'unrecognized_keys' && path.length === 0) return issue.keys.map((key) => ({ path: [key], message: unusedField(key, root) }))
  if (issue.code !== 'invalid_union' || !('discriminator' in issue)) return undefined
  const isCheck = issue.discriminator === 'check'
  const names = isCheck ? BUILTIN_CHECKS.map((c) => c.name) : [...GENERIC_KINDS.map((k) => k.name), 'builtin']
  return valueAt(root, path) === undefined
    ? [{ path: path.slice(0, -1), message: `missing required field "${String(path.at(-1))}"` }]
    : [{ path, message: `unknown ${isCheck ? 'built-in check' : 'kind'}: must be one of: ${names.join(', ')}` }]
}

/** A field another kind reads is named as such, with the fields this kind has; anything else is likely a typo. */
function unusedField(field: string, root: unknown): string {
  const all = [...GENERIC_KINDS, ...BUILTIN_CHECKS].map((k) => Object.keys(k.schema.shape))
  const kind = isObject(root) ? definitionOf(root as { extends: string; check?: string }) : undefined
  if (!kind || !all.some((fields) => fields.includes(field))) return 'unknown field (check its spelling against rules/rule.schema.json)'
  const common = new Set(['extends', 'check', 'scope', 'frontmatter', ...all.reduce((a, b) => a.filter((f) => b.includes(f)))])
  const own = Object.keys(kind.schema.shape).filter((f) => !common.has(f))
  const what = isObject(root) && root['extends'] === 'builtin' ? `the built-in check ${kind.name}` : `kind ${kind.name}`
  return `not a field of ${what} (${own.length === 0 ? 'it has no options of its own' : `its options: ${own.join(', ')}`})`
}


