import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { freePort } from './free-port.js'
import { Redis } from 'ioredis'

export interface TestRedis {
  readonly url: string
  stop(): Promise<void>
}

/**
 * Installs Debian's redis-server when it is missing and we may (root, with apt-get), as
 * .ci/run does, so that `npm test` holds on a new machine too; else says what to do.
 */
function ensureRedisServer(): void {
  if (!spawnSync('redis-server', ['--version']).error) return
  const canInstall = process.getuid?.() === 0 && !spawnSync('apt-get', ['--version']).error
  if (canInstall) {
    console.warn('redis-server not found: installing Debian\'s package (apt-get install -y redis-server)')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env })
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'redis-server'], { stdio: 'ignore', env })
  }
  if (spawnSync('redis-server', ['--version']).error) {
    throw new Error('redis-server not found: install it (apt-get install -y redis-server), or run the suite with `bash .ci/run`, which does')
  }
}

/**
 * A real Redis for the tests that need one. Under .ci/run, which starts redis-server and
 * sets BLUEPENCIL_TEST_REDIS_URL, each test file takes its own database (`db`) of that
 * server and empties it; elsewhere a redis-server of its own is started on a free port
 * (Debian's package: `apt-get install redis-server`). `own`: always a server of its own,
 * for a test that stops it under a running app.
 */
export async function startRedis(db: number, options: { own?: boolean } = {}): Promise<TestRedis> {
  const shared = options.own ? undefined : process.env.BLUEPENCIL_TEST_REDIS_URL
  if (shared) {
    const url = `${shared.replace(/\/\d*$/, '')}/${db}`
    const client = new Redis(url)
    await client.flushdb()
    client.disconnect()
    return { url, stop: async () => undefined }
  }
  ensureRedisServer()
  const port = await freePort()
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()))
  for (const deadline = Date.now() + 10_000; !/Ready to accept connections/.test(output); ) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}:\n${output}`)
    if (Date.now() > deadline) throw new Error(`redis-server did not start within 10 s:\n${output}`)
    await new Promise((r) => setTimeout(r, 20))
  }
  return {
    url: `redis://127.0.0.1:${port}/${db}`,
    stop: async () => {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    },
  }
}
