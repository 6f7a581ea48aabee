import { run } from 'probot'
import bluepencil from './index.js'
import { BluepencilOctokit } from './github/octokit.js'

// `npm start`: the Probot server from the standard environment (APP_ID, PRIVATE_KEY or
// PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT, LOG_LEVEL, GHE_HOST, GHE_PROTOCOL).
await run(bluepencil, { Octokit: BluepencilOctokit })
