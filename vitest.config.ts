import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from 'vitest/config'
import { SlowFirstSequencer } from './test/support/slow-first-sequencer.js'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A limit only for a hung test: on a busy shared 2-core machine six CLI and app tests that
    // spawn processes ran past 30 s (one took 45 s); a passing test is not slowed by it.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // One worker per core (at least two): Vitest's default, cores - 1, ran the 86 files one at
    // a time on the 2-core machine, with a core idle while an end-to-end test waited on its app.
    maxWorkers: Math.max(2, availableParallelism()),
    // A worker keeps its modules from one test file to the next instead of importing the
    // linter, its rules and dictionary again for each (32 s of a 264 s run went to imports).
    // No test relies on fresh module state: spies are restored after each test.
    isolate: false,
    sequence: { sequencer: SlowFirstSequencer },
    setupFiles: ['test/support/property-seed.ts'],
    // The suite fails if a test wrote to dist/ (no test rebuilds it).
    globalSetup: ['test/support/dist-unchanged.ts'],
    // The CLI keeps parsed Vale rule files between runs; tests keep theirs out of the home folder.
    env: { BLUEPENCIL_CACHE_DIR: join(tmpdir(), 'bluepencil-test-cache') },
  },
})
