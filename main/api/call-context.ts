import type { ProgressUpdate } from './define-call'
import type { CallContext } from './handler-types'
import { headlessHost, type Host } from './host'
import type { Session } from '../workspace/session'

export function createCallContext(
  session: Session,
  options: { host?: Host; signal?: AbortSignal; onProgress?: (update: ProgressUpdate) => void } = {}
): CallContext {
  return {
    session,
    workspace: () => session.requireWorkspace(),
    progress: update => options.onProgress?.(update),
    signal: options.signal ?? new AbortController().signal,
    host: options.host ?? headlessHost
  }
}
