// The bundled `safeguard` the tests run (see cli-bundle.ts): bin/safeguard.js without tsx.
import { runCli } from '../../main/cli/main'

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

void runCli(process.argv.slice(2)).then(code => {
  process.exitCode = code
})
