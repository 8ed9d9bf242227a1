import path from 'node:path'
import { createCallContext } from '../api/call-context'
import type { CallName, InputOf, OutputOf } from '../api/contract'
import type { ProgressUpdate } from '../api/define-call'
import { callHandler } from '../api/dispatch'
import { headlessHost } from '../api/host'
import { Session } from '../workspace/session'
import { APP_VERSION } from './version'

/** Calls one handler through the same validation and dispatch as IPC. */
export type CliCall = <K extends CallName>(
  name: K,
  input: InputOf<K>,
  options?: { onProgress?: (update: ProgressUpdate) => void; signal?: AbortSignal }
) => Promise<OutputOf<K>>

function callerFor(session: Session): CliCall {
  return async (name, input, options = {}) =>
    (await callHandler(name, input, createCallContext(session, { host: headlessHost, ...options }))) as never
}

/** Runs `work` with a session that keeps no app state (the CLI has no recent list). */
export async function withSession<T>(work: (call: CliCall) => Promise<T>): Promise<T> {
  const session = new Session({ dataDir: null, appVersion: APP_VERSION })
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
