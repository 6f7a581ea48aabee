import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const dist = fileURLToPath(new URL('../../dist', import.meta.url))

/** Every file under dist/ with its size and modification time. */
function snapshot(): Map<string, string> {
  const files = new Map<string, string>()
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    const { size, mtimeMs } = statSync(path)
    files.set(path.slice(dist.length + 1), `${size}@${mtimeMs}`)
  }
  return files
}

/**
 * Vitest's global setup: the suite runs on the dist/ that `npm run build` made (the CLI,
 * the app, the bundles), and no test may build it again while other test files read it
 * (issue 8: `npm start` used to rebuild dist/ through prestart). After the run, the suite
 * fails naming any file under dist/ that was written, added or removed.
 */
export default function distUnchanged(): () => void {
  if (!existsSync(dist)) throw new Error('dist/ is missing: the tests run the built CLI and app, so run `npm run build` (npm ci does) first')
  const before = snapshot()
  return () => {
    const after = snapshot()
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f)).sort()
    if (changed.length === 0) return
    // Vitest reports an error thrown here but still exits 0: the exit code is set as well.
    process.exitCode = 1
    throw new Error(`the tests changed dist/ (no test may build it): ${changed.slice(0, 10).join(', ')}${changed.length > 10 ? `, and ${changed.length - 10} more` : ''}`)
  }
}
