import { randomUUID } from 'node:crypto'

/** At most `limit` requests in any `ms` milliseconds. */
export interface RequestWindow {
  readonly limit: number
  readonly ms: number
}

/**
 * Where the times of the requests sent so far are kept. `tryTake` records a request now
 * if every window has room, and answers 0; else it records nothing and answers how long
 * to wait before a slot frees.
 */
export interface WindowStore {
  tryTake(name: string, windows: readonly RequestWindow[]): Promise<number>
}

/**
 * A sliding-window log, not a token bucket: a bucket of 80 refilled at 80 a minute lets
 * 160 through in the minute after a burst, while GitHub counts every minute. So the
 * first requests go at once, and the next waits until the oldest leaves the window.
 */
export function slidingWindowLimiter(store: WindowStore, name: string, windows: readonly RequestWindow[]): { take(): Promise<void> } {
  // Waiters in this process take their turn in order; only the first asks the store.
  let tail: Promise<void> = Promise.resolve()
  const takeOne = async (): Promise<void> => {
    for (;;) {
      const wait = await store.tryTake(name, windows)
      if (wait <= 0) return
      await new Promise((resolve) => setTimeout(resolve, wait))
    }
  }
  return {
    take: () => {
      const mine = tail.then(takeOne)
      tail = mine.catch(() => undefined)
      return mine
    },
  }
}

/** The windows of one process (no Redis): lost on a restart, like the in-process queue. */
export function memoryWindowStore(now: () => number = Date.now): WindowStore {
  const logs = new Map<string, number[]>()
  return {
    tryTake: async (name, windows) => {
      const at = now()
      const longest = Math.max(...windows.map((w) => w.ms))
      const log = (logs.get(name) ?? []).filter((t) => t > at - longest)
      logs.set(name, log)
      const wait = Math.max(0, ...windows.map((w) => waitFor(log, w, at)))
      if (wait === 0) log.push(at)
      return wait
    },
  }
}

function waitFor(sortedTimes: readonly number[], window: RequestWindow, at: number): number {
  const inWindow = sortedTimes.filter((t) => t > at - window.ms)
  if (inWindow.length < window.limit) return 0
  // The request that must leave the window before one more fits.
  const leaving = inWindow[inWindow.length - window.limit] as number
  return leaving + window.ms - at + 1
}

/**
 * The same log in Redis, shared by every replica and kept across restarts. Redis's own
 * clock dates the requests, so replicas whose clocks differ still agree.
 */
const TAKE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local longest = 0
for i = 2, #ARGV, 2 do longest = math.max(longest, tonumber(ARGV[i + 1])) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - longest)
local wait = 0
for i = 2, #ARGV, 2 do
  local limit = tonumber(ARGV[i])
  local ms = tonumber(ARGV[i + 1])
  local inWindow = redis.call('ZCOUNT', KEYS[1], '(' .. (now - ms), '+inf')
  if inWindow >= limit then
    local leaving = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. (now - ms), '+inf', 'WITHSCORES', 'LIMIT', inWindow - limit, 1)
    wait = math.max(wait, tonumber(leaving[2]) + ms - now + 1)
  end
end
if wait == 0 then
  redis.call('ZADD', KEYS[1], now, ARGV[1])
  redis.call('PEXPIRE', KEYS[1], longest)
end
return wait
`

/** The part of an ioredis client the store uses. */
export interface RedisEval {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>
}

export function redisWindowStore(client: RedisEval): WindowStore {
  return {
    tryTake: async (name, windows) => {
      const args = windows.flatMap((w) => [w.limit, w.ms])
      return Number(await client.eval(TAKE_SCRIPT, 1, `bluepencil:requests:${name}`, randomUUID(), ...args))
    },
  }
}
