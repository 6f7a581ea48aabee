import { join } from 'node:path'
import { packageRoot } from '../core/package-root.js'
import { loadBundledCli } from './bundled-cli.js'

// Run by `npm run build`: lints the bundled example post once, so the code cache holds the
// parser and the rules as well as the bundle's top level, then stores it.
const cli = loadBundledCli()
const quiet = { cwd: packageRoot(), stdout: () => undefined, stderr: () => undefined }
await cli.exports.runCli(['lint', join(packageRoot(), 'fixtures', 'posts', 'beam-flink-part2.md')], quiet)
cli.saveCodeCache()
