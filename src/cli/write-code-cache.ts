import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from '../core/package-root.js'
import { loadBundledCli } from './bundled-cli.js'

// Run by `npm run build`: lints the bundled example post once, so the code cache holds the
// parser and the rules as well as the bundle's top level, then stores it.
// V8 checks a cache against the source's length only: a rebuilt bundle of the same length
// (code moved between modules) took the old cache's bytecode here and kept it, and lazily
// compiled functions then failed ("Unexpected token '??'"). Each build starts from none.
rmSync(join(packageRoot(), 'dist', 'bundle', 'cli.cjs.cache'), { force: true })
const cli = loadBundledCli()
const quiet = { cwd: packageRoot(), stdout: () => undefined, stderr: () => undefined }
await cli.exports.runCli(['lint', join(packageRoot(), 'fixtures', 'posts', 'beam-flink-part2.md')], quiet)
cli.saveCodeCache()
