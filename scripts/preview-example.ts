// `npm run preview`: the main job on the bundled example, as `bluepencil review` shows it.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { EXIT } from '../src/cli/io.js'
import { runCli } from '../src/cli/main.js'

const root = resolve(import.meta.dirname, '..')
const repo = mkdtempSync(join(tmpdir(), 'bluepencil-example-'))
const git = (...args: string[]): void => {
  execFileSync('git', ['-C', repo, '-c', 'user.name=Example Author', '-c', 'user.email=author@example.com', ...args], { stdio: 'ignore' })
}
try {
  git('init', '-q', '-b', 'main')
  cpSync(join(root, 'fixtures/example-pr/base'), repo, { recursive: true })
  git('add', '-A')
  git('commit', '-q', '-m', 'Published blog')
  const post = join(repo, 'website/www/site/content/en/blog/apache-beam-flink-and-kubernetes-part2.md')
  mkdirSync(dirname(post), { recursive: true })
  cpSync(join(root, 'fixtures/posts/beam-flink-part2.md'), post)
  git('add', '-A')
  git('commit', '-q', '-m', 'Add blog post: Beam and Flink, part 2')
  const code = await runCli(['review', '--repo', repo, '--base', 'HEAD~1', '--head', 'HEAD'])
  // The example post has error-level findings on purpose: showing them is the demo's success, so
  // only a run that could not review (a bad config, a crash) fails `npm run preview`.
  process.exitCode = code === EXIT.findings ? EXIT.clean : code
} finally {
  rmSync(repo, { recursive: true, force: true })
}
