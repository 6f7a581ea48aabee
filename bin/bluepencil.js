#!/usr/bin/env node
// The CLI runs from one bundled file with V8's code cache: loading hundreds of small
// modules and compiling them would cost more than linting a post.
import { loadBundledCli } from '../dist/src/cli/bundled-cli.js'

process.exitCode = await loadBundledCli().exports.runCli(process.argv.slice(2))
