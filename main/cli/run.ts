// The `safeguard` process: runs the command line on its arguments. The entry of the bundle in out/cli/
// (scripts/build-cli.mjs) and, run from source, of bin/safeguard.js.
import './zod-jitless'
import { runCli } from './main'

// `safeguard ... | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

void runCli(process.argv.slice(2)).then(code => {
  process.exitCode = code
})
