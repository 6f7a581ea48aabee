import { join } from 'node:path'
import { loadCachedCommonJs, type CachedCommonJs } from '../core/cached-script.js'
import { packageRoot } from '../core/package-root.js'
import type { runCli } from './main.js'

/**
 * Loads the CLI bundle (dist/bundle/cli.cjs) with V8's code cache from the build, so a
 * run starts with the bundle, the parser and the rules already compiled to bytecode: a
 * one-post lint was ~80 ms faster than loading the bundle as an ES module.
 */
export function loadBundledCli(): CachedCommonJs<{ runCli: typeof runCli }> {
  return loadCachedCommonJs(join(packageRoot(), 'dist', 'bundle', 'cli.cjs'))
}
