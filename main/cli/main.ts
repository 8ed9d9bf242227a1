import { CommanderError } from 'commander'
import { isApiError } from '../shared/errors'
import { processIo, type CliIo } from './cli-io'
import { runWithCliChoices } from './cli-api'
import { cliKeyProvider } from './passphrase-prompt'
import { buildProgram } from './program'

export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2

/** Runs the CLI and returns the exit code: 0 done, 1 refused or failed, 2 wrong usage. */
export async function runCli(args: string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io)
  const keyProvider = cliKeyProvider(program)
  program.exitOverride()
  program.configureOutput({ writeOut: text => io.stdout(text), writeErr: text => io.stderr(text) })
  for (const command of program.commands) command.exitOverride()
  try {
    await runWithCliChoices({ keyProvider }, () => program.parseAsync(args, { from: 'user' }))
    return process.exitCode === undefined ? EXIT_OK : Number(process.exitCode)
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0; usage errors were already printed.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE
    }
    if (isApiError(error)) {
      io.stderr(`safeguard: ${error.message}\n`)
      return EXIT_FAILURE
    }
    io.stderr(`safeguard: ${error instanceof Error ? error.message : String(error)}\n`)
    return EXIT_FAILURE
  }
}
