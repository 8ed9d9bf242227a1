#!/usr/bin/env node
// The `safeguard` command. The CLI is written in TypeScript and run through
// tsx, so `npx safeguard` works straight after `npm install` with no build step.
require('tsx/cjs/api').register()

// `safeguard ... | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', error => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})
const { runCli } = require('../main/cli/main.ts')

runCli(process.argv.slice(2)).then(code => {
  process.exitCode = code
})
