import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The CLI keeps parsed Vale rule files between runs; tests keep theirs out of the home folder.
    env: { BLUEPENCIL_CACHE_DIR: join(tmpdir(), 'bluepencil-test-cache') },
  },
})
