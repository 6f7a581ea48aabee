import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A limit only for a hung test: on a busy shared 2-core machine six CLI and app tests that
    // spawn processes ran past 30 s (one took 45 s); a passing test is not slowed by it.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    setupFiles: ['test/support/property-seed.ts'],
    // The CLI keeps parsed Vale rule files between runs; tests keep theirs out of the home folder.
    env: { BLUEPENCIL_CACHE_DIR: join(tmpdir(), 'bluepencil-test-cache') },
  },
})
