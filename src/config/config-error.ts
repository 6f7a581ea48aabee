import { compareCodeUnits } from '../core/compare.js'

/** A problem in a rule or config file, reported with file, field path and line. */
export interface ConfigError {
  readonly file: string
  readonly line?: number
  readonly path: string
  readonly message: string
}

export function formatConfigError(e: ConfigError): string {
  const where = e.line === undefined ? e.file : `${e.file}:${e.line}`
  return e.path ? `${where}: ${e.path}: ${e.message}` : `${where}: ${e.message}`
}

/** Errors in the order of the file, so the first one shown is the first one to fix. */
export function byLine(a: ConfigError, b: ConfigError): number {
  return (a.line ?? 0) - (b.line ?? 0) || compareCodeUnits(a.path, b.path)
}
