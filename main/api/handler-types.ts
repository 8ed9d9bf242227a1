import type { CallParsedInput, CallOutput, CallTable, ProgressUpdate } from './define-call'
import type { Host } from './host'
import type { OutputPathPolicy } from './output-paths'
import type { OpenWorkspace, Session } from '../workspace/session'

/** Everything a handler may use besides its validated input. */
export interface CallContext {
  session: Session
  /** The open workspace; throws ApiError('no-workspace') when none is open. */
  workspace(): OpenWorkspace
  /** Report progress of long work to whoever made the call. */
  progress(update: ProgressUpdate): void
  /** Aborted when the caller cancels. Long work checks it and rolls back. */
  signal: AbortSignal
  host: Host
  /** Whether the caller may name the files it has written: the CLI and tests may, the app's window only names save-dialog answers. */
  outputPaths: OutputPathPolicy
  /** Where to write a file: the path the caller named (checked by outputPaths), else the save dialog's answer; null when cancelled. */
  savePath(given: string | undefined, dialog: Parameters<Host['pickSavePath']>[0]): Promise<string | null>
  /** Where to write several files: the folder the caller named (checked by outputPaths), else the folder dialog's answer; null when cancelled. */
  saveFolder(given: string | undefined, dialog: Parameters<Host['pickDirectory']>[0]): Promise<string | null>
}

export type Handler<D> = (input: CallParsedInput<D>, ctx: CallContext) => CallOutput<D> | Promise<CallOutput<D>>

/** A table of handlers for a table of calls: a missing or extra handler is a compile error. */
export type HandlersFor<T extends CallTable> = { [K in keyof T]: Handler<T[K]> }
