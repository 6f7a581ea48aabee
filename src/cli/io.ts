/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly cwd: string
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
}

/** Exit codes: 0 clean, 1 error-level findings, 2 usage or configuration errors. */
export const EXIT = { clean: 0, findings: 1, usage: 2 } as const

export class UsageError extends Error {}
