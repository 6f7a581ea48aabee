import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Ajv, type ValidateFunction } from 'ajv'

interface Operation {
  readonly requestBody?: { readonly content?: Record<string, { readonly schema?: unknown }> }
}

/**
 * Validates request bodies against GitHub's published REST schema. Only the one
 * api.github.com document is loaded (the package also ships every GHES version).
 */
export class OpenApiValidator {
  private readonly spec: { paths: Record<string, Record<string, Operation>>; components: unknown }
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false })
  private readonly compiled = new Map<string, ValidateFunction | undefined>()

  constructor() {
    const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json')
    this.spec = JSON.parse(readFileSync(file, 'utf8')) as typeof this.spec
    this.ajv.addSchema({ $id: 'spec', components: this.spec.components })
  }

  /** Problems with a request body for the operation at `template` (e.g. /repos/{owner}/{repo}/check-runs). */
  check(method: string, template: string, body: unknown): string[] {
    const key = `${method} ${template}`
    if (!this.compiled.has(key)) {
      const operation = this.spec.paths[template]?.[method.toLowerCase()]
      if (!operation) throw new Error(`no operation ${key} in GitHub's OpenAPI description`)
      const schema = operation.requestBody?.content?.['application/json']?.schema
      this.compiled.set(key, schema ? this.ajv.compile(JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"spec#/components/')) as object) : undefined)
    }
    const validate = this.compiled.get(key)
    if (!validate || validate(body)) return []
    return (validate.errors ?? []).map((e) => `${key}: ${e.instancePath || '(body)'} ${e.message ?? e.keyword}`)
  }
}
