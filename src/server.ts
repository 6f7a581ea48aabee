import { run } from 'probot'
import { startServer } from './app/start-server.js'
import bluepencil from './index.js'
import { BluepencilOctokit } from './github/octokit.js'

// `npm start`: the Probot server from the standard environment (APP_ID, PRIVATE_KEY or
// PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT, LOG_LEVEL, GHE_HOST, GHE_PROTOCOL, REDIS_URL).
// Without credentials, Probot's own server serves the page that registers the app.
// The credentials may be in .env, where that page writes them.
try {
  process.loadEnvFile()
} catch {
  // No .env: the environment alone.
}
if (process.env.APP_ID && (process.env.PRIVATE_KEY || process.env.PRIVATE_KEY_PATH)) await startServer()
else await run(bluepencil, { Octokit: BluepencilOctokit })
