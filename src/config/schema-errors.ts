import type { z } from 'zod'
import { isObject } from '../core/is-object.js'
import { byLine, type ConfigError } from './config-error.js'
import { toFieldPath } from './yaml-source.js'

export type Path = readonly PropertyKey[]

export interface Problem {
  readonly path: Path
  readonly message: string
}

/** Wording a file type gives some issues itself (a rule file names its kinds); undefined leaves the issue to the general wording. */
export type OwnWording = (issue: z.core.$ZodIssue, path: Path, root: unknown) => Problem[] | undefined

/**
 * zod's issues for a YAML file as ConfigErrors: one per field and problem, each naming
 * the field and, when known, its line (of the field, or of the object missing it).
 */
export function schemaErrors(options: {
  readonly issues: readonly z.core.$ZodIssue[]
  readonly value: unknown
  readonly file: string
  readonly lineAt?: ((pointer: string) => number | undefined) | undefined
  readonly ownWording?: OwnWording
}): ConfigError[] {
  const { file, lineAt } = options
  const explain = (issue: z.core.$ZodIssue, base: Path): Problem[] => {
    const path = [...base, ...issue.path]
    if (issue.code === 'invalid_union' && !('discriminator' in issue)) {
      // The alternative the value came closest to (a `bad` example, a term with variants).
      const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? []
      if (closest.length > 0) return closest.flatMap((inner) => explain(inner, path))
    }
    return options.ownWording?.(issue, path, options.value) ?? generalWording(issue, path, options.value)
  }
  const seen = new Set<string>()
  const out: ConfigError[] = []
  for (const problem of options.issues.flatMap((issue) => explain(issue, []))) {
    const pointer = problem.path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')
    const key = `${pointer} ${problem.message}`
    if (seen.has(key)) continue
    seen.add(key)
    const line = lineAt?.(pointer)
    out.push({ file, path: toFieldPath(pointer), message: problem.message, ...(line === undefined ? {} : { line }) })
  }
  return out.sort(byLine)
}

function generalWording(issue: z.core.$ZodIssue, path: Path, root: unknown): Problem[] {
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key], message: 'unknown field' }))
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

export function valueAt(root: unknown, path: Path): unknown {
  let value = root
  for (const key of path) {
    if (!isObject(value) && !Array.isArray(value)) return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}
