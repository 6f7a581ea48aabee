import type { z } from 'zod'
import { BUILTIN_CHECKS, definitionOf, GENERIC_KINDS } from './kinds/registry.js'
import { ruleFileSchema, type RuleFile } from './rule-file.js'
import { byLine, type ConfigError } from '../config/config-error.js'
import { lineOf, parseYaml, toFieldPath, type ParsedYaml } from '../config/yaml-source.js'

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Parses and validates one rule file's text; the id is the file's base name. */
export function parseRuleFile(text: string, file: string, id: string): { rule: RuleFile } | { errors: ConfigError[] } {
  if (!RULE_ID.test(id)) {
    return { errors: [{ file, path: '', message: `rule id "${id}" (the file name) must be kebab-case: lower-case letters, digits and hyphens` }] }
  }
  const result = parseYaml(text, file)
  if ('errors' in result) return result
  const parsed = ruleFileSchema.safeParse(result.parsed.value)
  if (!parsed.success) return { errors: explain(parsed.error.issues, result.parsed, file) }
  const line = (pointer: string): number => lineOf(result.parsed, pointer) ?? 1
  const lines = { examples: line('/examples'), example: parsed.data.examples.map((_, i) => line(`/examples/${i}`)) }
  return { rule: { ...parsed.data, id, file, lines } }
}

type Path = readonly PropertyKey[]

interface Problem {
  readonly path: Path
  readonly message: string
}

/** One error per field, at the line of the field (or of the object missing it). */
function explain(issues: readonly z.core.$ZodIssue[], parsed: ParsedYaml, file: string): ConfigError[] {
  const seen = new Set<string>()
  const out: ConfigError[] = []
  for (const problem of issues.flatMap((issue) => problemsOf(issue, [], parsed.value))) {
    const pointer = problem.path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')
    const key = `${pointer} ${problem.message}`
    if (seen.has(key)) continue
    seen.add(key)
    const line = lineOf(parsed, pointer)
    out.push({ file, path: toFieldPath(pointer), message: problem.message, ...(line === undefined ? {} : { line }) })
  }
  return out.sort(byLine)
}

function problemsOf(issue: z.core.$ZodIssue, base: Path, root: unknown): Problem[] {
  const path = [...base, ...issue.path]
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key], message: path.length === 0 ? unusedField(key, root) : 'unknown field' }))
    case 'invalid_union': {
      if ('discriminator' in issue) {
        const isCheck = issue.discriminator === 'check'
        const names = isCheck ? BUILTIN_CHECKS.map((c) => c.name) : [...GENERIC_KINDS.map((k) => k.name), 'builtin']
        return valueAt(root, path) === undefined
          ? [{ path: path.slice(0, -1), message: `missing required field "${String(path.at(-1))}"` }]
          : [{ path, message: `unknown ${isCheck ? 'built-in check' : 'kind'}: must be one of: ${names.join(', ')}` }]
      }
      // Report the alternative the value came closest to (a `bad` example, a term with variants).
      const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? []
      return closest.length > 0 ? closest.flatMap((inner) => problemsOf(inner, path, root)) : [{ path, message: issue.message }]
    }
    case 'invalid_type':
      if (path.length > 0 && valueAt(root, path) === undefined && isObject(valueAt(root, path.slice(0, -1)))) {
        return [{ path: path.slice(0, -1), message: `missing required field "${String(path.at(-1))}"` }]
      }
      return [{ path, message: `expected ${issue.expected === 'int' ? 'integer' : issue.expected}` }]
    case 'invalid_value':
      return [{ path, message: issue.values.length === 1 ? `must be ${JSON.stringify(issue.values[0])}` : `must be one of: ${issue.values.join(', ')}` }]
    case 'too_small':
      return [{ path, message: bound(issue.origin, issue.inclusive ? 'at least' : 'more than', Number(issue.minimum)) }]
    case 'too_big':
      return [{ path, message: bound(issue.origin, issue.inclusive ? 'at most' : 'less than', Number(issue.maximum)) }]
    default:
      return [{ path, message: issue.message }]
  }
}

function bound(origin: string, relation: string, n: number): string {
  if (origin === 'array') return relation === 'at least' && n === 1 ? 'must not be empty' : `must have ${relation} ${n} item${n === 1 ? '' : 's'}`
  if (origin === 'string') return relation === 'at least' && n === 1 ? 'must not be empty' : `must be ${relation} ${n} characters long`
  return `must be ${relation} ${n}`
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

function valueAt(root: unknown, path: Path): unknown {
  let value = root
  for (const key of path) {
    if (!isObject(value) && !Array.isArray(value)) return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
