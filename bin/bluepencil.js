#!/usr/bin/env node
// The CLI runs from one bundled file: loading hundreds of small modules would cost more than linting a post.
import { runCli } from '../dist/bundle/main.js'

process.exitCode = await runCli(process.argv.slice(2))
