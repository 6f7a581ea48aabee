import { runCli } from '../../src/cli/main.js'

/** The CLI in process, in a working folder, with what it printed on each stream. */
export async function runCliIn(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli([...args], { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) })
  return { code, stdout, stderr }
}
