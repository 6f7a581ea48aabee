/**
 * Where the conformance run finds Vale's feature files. Every other script takes the shared
 * root (../shared); this one also takes its vale/ folder, which holds them. A folder with no
 * feature file in either place is an error naming the path: an empty table that exits 0
 * would read as "nothing failed".
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

export type ConformanceRoot = { readonly root: string } | { readonly error: string }

const isDir = (path: string): boolean => existsSync(path) && statSync(path).isDirectory()

/** The feature files a Vale folder holds: each style's features/rules.feature and vale-testdata/features/*.feature. */
export function featureFiles(valeDir: string): string[] {
  const styles = join(valeDir, 'styles')
  const own = isDir(styles)
    ? readdirSync(styles).sort().map((s) => join(styles, s, 'features', 'rules.feature')).filter((f) => existsSync(f))
    : []
  const features = join(valeDir, 'vale-testdata', 'features')
  const testdata = isDir(features) ? readdirSync(features).sort().filter((f) => f.endsWith('.feature')).map((f) => join(features, f)) : []
  return [...own, ...testdata]
}

/** `arg`: the shared root or its vale/ folder; undefined: ../shared from `cwd`. */
export function conformanceRoot(arg: string | undefined, cwd = process.cwd()): ConformanceRoot {
  const given = resolve(cwd, arg ?? '../shared')
  if (!isDir(given)) return { error: `${given}: not found (pass the shared folder, or its vale/ folder holding styles/ and vale-testdata/)` }
  for (const candidate of [given, join(given, 'vale')]) if (featureFiles(candidate).length > 0) return { root: candidate }
  return {
    error:
      `${given}: no Vale feature file found (looked for styles/*/features/rules.feature and ` +
      `vale-testdata/features/*.feature in ${given} and ${join(given, 'vale')})`,
  }
}
