import { AsyncLocalStorage } from 'node:async_hooks'
import path from 'node:path'
import { createCallContext } from '../api/call-context'
import type { CallName, InputOf, OutputOf } from '../api/contract'
import type { ProgressUpdate } from '../api/define-call'
import { callHandler } from '../api/dispatch'
import { headlessHost } from '../api/host'
import { Session, type SessionOptions } from '../workspace/session'
import { APP_VERSION } from './version'

/** Calls one handler through the same validation and dispatch as IPC. */
export type CliCall = <K extends CallName>(
  name: K,
  input: InputOf<K>,
  options?: { onProgress?: (update: ProgressUpdate) => void; signal?: AbortSignal }
) => Promise<OutputOf<K>>

/** How other programs name the command line when it holds a workspace. */
export const CLI_PROGRAM_NAME = 'the safeguard command'

/** What one run of the `safeguard` command chooses for every session it opens: where keys of encrypted workspaces come from. */
export type CliChoices = Pick<SessionOptions, 'keyProvider'>

/**
 * The choices of the run a command executes in. Scoped to that run (runCli
 * enters it around parsing), so the command modules need not pass them on and
 * two runs in one process (tests) never see each other's passphrases.
 */
const runChoices = new AsyncLocalStorage<CliChoices>()

/** Runs `work` (one parse of the command line) with `choices` for every session it opens. */
export function runWithCliChoices<T>(choices: CliChoices, work: () => Promise<T>): Promise<T> {
  return runChoices.run(choices, work)
}

/** The current run's choices; none outside a run (a command module called directly). */
export function cliChoices(): CliChoices {
  return runChoices.getStore() ?? {}
}

function callerFor(session: Session): CliCall {
  return async (name, input, options = {}) =>
    (await callHandler(name, input, createCallContext(session, { host: headlessHost, ...options }))) as never
}

/** Runs `work` with a session that keeps no app state (the CLI has no recent list). */
export async function withSession<T>(work: (call: CliCall) => Promise<T>): Promise<T> {
  const session = new Session({ dataDir: null, appVersion: APP_VERSION, programName: CLI_PROGRAM_NAME, ...cliChoices() })
  try {
    return await work(callerFor(session))
  } finally {
    session.close()
  }
}

/** Opens the workspace file, runs `work`, and always closes it again. */
export async function withWorkspace<T>(file: string, work: (call: CliCall) => Promise<T>): Promise<T> {
  return withSession(async call => {
    await call('workspace.open', { path: path.resolve(file) })
    return work(call)
  })
}
