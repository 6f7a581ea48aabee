import { type ChildProcess, spawn } from 'node:child_process'
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { freePort } from './free-port.js'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

export interface RunningApp {
  readonly port: number
  readonly secret: string
  /** Every JSON log line the app printed so far. */
  readonly logs: Record<string, unknown>[]
  stop(): Promise<void>
  /** SIGKILL: the process dies at once, as in a crash or an OOM kill. */
  kill(): Promise<void>
  /** The highest resident memory (VmHWM) of any process of the app so far, in MB. */
  peakRssMb(): number
}

/**
 * Starts the real app the way an operator does, `npm start`, with the standard Probot
 * environment pointing at a GitHub Enterprise-style API base (the local stand-in).
 * The private key is made here for the run; none is committed.
 */
export async function startApp(options: { githubPort: number; extraEnv?: Record<string, string> }): Promise<RunningApp> {
  const port = await freePort()
  const secret = `secret-${randomUUID()}`
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } })
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    APP_ID: '4242',
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET: secret,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    GHE_HOST: `127.0.0.1:${options.githubPort}`,
    GHE_PROTOCOL: 'http',
    ...options.extraEnv,
  }
  const child: ChildProcess = spawn('npm', ['start', '--silent'], { cwd: root, env: env as unknown as NodeJS.ProcessEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  const logs: Record<string, unknown>[] = []
  let output = ''
  const reader = () => {
    let partial = ''
    return (chunk: Buffer): void => {
      output += chunk.toString()
      // A line can be split across chunks: keep the unfinished end for the next one.
      const lines = (partial + chunk.toString()).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) {
        if (!line.startsWith('{')) continue
        try {
          logs.push(JSON.parse(line) as Record<string, unknown>)
        } catch {
          // Not a log line.
        }
      }
    }
  }
  child.stdout?.on('data', reader())
  child.stderr?.on('data', reader())
  const deadline = Date.now() + 60_000
  while (!/Listening on/.test(output)) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${output}`)
    if (Date.now() > deadline) throw new Error(`the app did not start within 60 s:\n${output}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  // npm, its shell and the server are one process group (detached): a stop is over when the
  // whole group is gone, not when npm is (npm exits on SIGTERM while the server may still be
  // stopping, and a server that hung there outlived the suite).
  const signal = async (name: NodeJS.Signals): Promise<void> => {
    const pgid = child.pid
    if (!pgid || groupPids(pgid).length === 0) return
    try {
      process.kill(-pgid, name)
    } catch {
      return // The group ended in between.
    }
    while (groupPids(pgid).length > 0) await new Promise((r) => setTimeout(r, 20))
  }
  return {
    port,
    secret,
    logs,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    peakRssMb: () => (child.pid ? peakRssOfGroupMb(child.pid) : 0),
  }
}

/** The live processes of a process group (npm, its shell, node), from /proc; a zombie is not live. */
function groupPids(pgid: number): string[] {
  const pids: string[] = []
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      // Field 3 (state) and field 5 (pgrp) come after the command name in parentheses.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(pgrp) === pgid && state !== 'Z') pids.push(pid)
    } catch {
      // The process ended while we looked.
    }
  }
  return pids
}

/** The largest VmHWM among the processes of a process group, from /proc. */
function peakRssOfGroupMb(pgid: number): number {
  let most = 0
  for (const pid of groupPids(pgid)) {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
      if (hwm) most = Math.max(most, Number(hwm[1]) / 1024)
    } catch {
      // The process ended while we looked.
    }
  }
  return most
}

/** Waits until the app has logged `count` runs ("bluepencil run" lines), and returns the last. */
export async function waitForRuns(app: RunningApp, count: number): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 15_000
  for (;;) {
    const runs = app.logs.filter((l) => l.msg === 'bluepencil run' || l.msg === 'bluepencil run failed')
    if (runs.length >= count) return runs[count - 1] as Record<string, unknown>
    if (Date.now() > deadline) throw new Error(`the app logged ${runs.length} runs, expected ${count}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Delivers a webhook as GitHub does, signed with X-Hub-Signature-256. */
export async function deliver(app: RunningApp, event: string, payload: unknown, options: { delivery?: string; secret?: string } = {}): Promise<Response> {
  const body = JSON.stringify(payload)
  const signature = `sha256=${createHmac('sha256', options.secret ?? app.secret).update(body).digest('hex')}`
  return fetch(`http://127.0.0.1:${app.port}/api/github/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': options.delivery ?? randomUUID(),
      'x-hub-signature-256': signature,
      'user-agent': 'GitHub-Hookshot/test',
    },
    body,
  })
}
