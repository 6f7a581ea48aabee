// The app's own processing time per webhook: the seed pull request delivered repeatedly to
// the real server process, against the local GitHub stand-in. The app logs its total time
// and the time it spent waiting on GitHub; the difference is its own work.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { deliver, startApp, waitForRuns } from '../test/support/app-process.js'
import { FakeGitHub } from '../test/support/fake-github.js'
import { githubPatch } from '../test/support/patches.js'
import { pullRequestPayload } from '../test/support/webhook-payloads.js'

export async function benchApp(options: { root: string; log: (line: string) => void; deliveries?: number }): Promise<void> {
  const post = readFileSync(join(options.root, 'fixtures/posts/beam-flink-part2.md'), 'utf8')
  const github = new FakeGitHub('apache', 'beam')
  const headSha = 'c'.repeat(40)
  github.pulls.set(1, { number: 1, headSha, files: [{ filename: 'blog/part2.md', status: 'added', patch: githubPatch('', post), content: post }] })
  const app = await startApp({ githubPort: await github.start() })
  try {
    const own: number[] = []
    const total: number[] = []
    const deliveries = options.deliveries ?? 15
    for (let i = 0; i < deliveries; i++) {
      await deliver(app, 'pull_request', pullRequestPayload({ action: 'synchronize', owner: 'apache', repo: 'beam', number: 1, headSha }))
      const run = (await waitForRuns(app, i + 1)) as { ms: number; githubMs: number }
      total.push(run.ms)
      own.push(run.ms - run.githubMs)
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
    options.log(`\n== The app: ${deliveries} deliveries of the seed pull request to the real server (first posts the review, the rest find nothing new)`)
    options.log(`app processing per webhook, GitHub time excluded: median ${median(own)} ms (first delivery ${own[0]} ms); wall per run incl. stand-in: median ${median(total)} ms`)
  } finally {
    await app.stop()
    await github.stop()
  }
}
