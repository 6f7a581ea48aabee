import { run } from '@probot/adapter-github-actions'
import bluepencil from './index.js'

// The same app as a GitHub Action step, with the workflow's GITHUB_TOKEN. The adapter
// carries its own copy of Probot's types; the app only uses what both share.
await run(bluepencil as unknown as Parameters<typeof run>[0])
