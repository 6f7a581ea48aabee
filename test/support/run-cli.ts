import { runCli } from '../../src/cli/main.js'
import { assets } from './lint-assets.js'

/** The CLI in process, in a working folder, with what it printed on each stream (the test file's assets, as one process would load them). */
export async function runCliIn(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli([...args], { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, assets)
  return { code, stdout, stderr }
}
