import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_CREATING_WINDOWS } from '../../src/github/octokit.js'
import { memoryWindowStore, redisWindowStore, slidingWindowLimiter, type WindowStore } from '../../src/github/request-windows.js'
import { startRedis, type TestRedis } from '../support/redis-server.js'

const MINUTE = [{ limit: 80, ms: 60_000 }]

/** Takes `count` slots at `at` (ms); answers the waits the store gave. */
async function takeAll(store: WindowStore, count: number, windows = MINUTE): Promise<number[]> {
  const waits: number[] = []
  for (let i = 0; i < count; i++) waits.push(await store.tryTake('content', windows))
  return waits
}

describe('the sliding window of content-creating requests', () => {
  it('lets 80 go at once, then makes the 81st wait until the first is a minute old', async () => {
    let now = 1_000_000
    const store = memoryWindowStore(() => now)
    expect((await takeAll(store, 40)).every((w) => w === 0)).toBe(true)
    now += 5_000
    expect((await takeAll(store, 40)).every((w) => w === 0)).toBe(true)
    now += 5_000
    expect(await store.tryTake('content', MINUTE)).toBe(50_001)
    now += 50_001
    // The first 40 have left the window, the next 40 are still in it.
    expect((await takeAll(store, 40)).every((w) => w === 0)).toBe(true)
    expect(await store.tryTake('content', MINUTE)).toBe(5_000)
  })

  it('never has more than 80 in any minute, however the requests come', async () => {
    let now = 0
    const store = memoryWindowStore(() => now)
    const sent: number[] = []
    // 400 requests that ask every 100 ms to 2 s.
    for (let asked = 0; sent.length < 400; asked++) {
      now += 100 + ((asked * 7919) % 1900)
      if ((await store.tryTake('content', MINUTE)) === 0) sent.push(now)
    }
    for (let i = 80; i < sent.length; i++) expect((sent[i] as number) - (sent[i - 80] as number)).toBeGreaterThanOrEqual(60_000)
  })

  it('holds the hourly limit too: 500 in an hour, whatever the minutes allow', async () => {
    let now = 0
    const store = memoryWindowStore(() => now)
    let sent = 0
    for (let minute = 0; minute < 10; minute++) {
      for (const wait of await takeAll(store, 80, [...CONTENT_CREATING_WINDOWS])) if (wait === 0) sent++
      now += 62_000
    }
    expect(sent).toBe(500)
    expect(await store.tryTake('content', CONTENT_CREATING_WINDOWS)).toBeGreaterThan(62_000)
  })

  it('makes a waiter wait the time the store says, then sends it', async () => {
    const waits = [25, 0]
    const asked: number[] = []
    const store: WindowStore = { tryTake: async () => (asked.push(Date.now()), waits.shift() ?? 0) }
    await slidingWindowLimiter(store, 'content', MINUTE).take()
    expect(asked).toHaveLength(2)
  })
})

describe('the sliding window in Redis, shared by replicas', () => {
  let redis: TestRedis
  const clients: Redis[] = []
  beforeAll(async () => {
    redis = await startRedis(5)
  })
  afterAll(async () => {
    for (const c of clients) c.disconnect()
    await redis.stop()
  })

  it('counts the requests of two processes together, and keeps them for a new one', async () => {
    const replica = () => {
      const client = new Redis(redis.url)
      clients.push(client)
      return redisWindowStore(client)
    }
    const [a, b] = [replica(), replica()]
    const waits = [...(await takeAll(a, 50)), ...(await takeAll(b, 30))]
    expect(waits.every((w) => w === 0)).toBe(true)
    expect(await a.tryTake('content', MINUTE)).toBeGreaterThan(59_000)
    expect(await b.tryTake('content', MINUTE)).toBeGreaterThan(59_000)
    // A restarted process starts from the same log: nothing is reset.
    expect(await replica().tryTake('content', MINUTE)).toBeGreaterThan(59_000)
    // Another name is another budget.
    expect(await a.tryTake('write', MINUTE)).toBe(0)
  })
})
