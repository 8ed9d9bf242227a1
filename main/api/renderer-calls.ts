import { createCallContext } from './call-context'
import type { ProgressUpdate } from './define-call'
import { dispatch } from './dispatch'
import type { Envelope } from './envelope'
import type { Host } from './host'
import { saveDialogOutputPaths } from './output-paths'
import type { Session } from '../workspace/session'

/**
 * The main side of the app window's bridge, whatever carries it (Electron IPC in the app, a page binding
 * in the end-to-end tests), so both run calls alike: through the one dispatch, cancellable by call id, and
 * with the window's limits: it names no file to write, only a path the save dialog gave it.
 * The transport checks who is calling before it passes anything here.
 */
export function createRendererCalls(session: () => Session, host: Host, running = new Map<string, AbortController>()) {
  const outputPaths = saveDialogOutputPaths()
  return {
    async call(name: unknown, input: unknown, callId: unknown, onProgress: (callId: string, update: ProgressUpdate) => void): Promise<Envelope> {
      const id = typeof callId === 'string' && callId.length <= 100 ? callId : ''
      const controller = new AbortController()
      if (id) running.set(id, controller)
      const ctx = createCallContext(session(), {
        host,
        outputPaths,
        signal: controller.signal,
        onProgress: update => {
          if (id) onProgress(id, update)
        }
      })
      try {
        return await dispatch(name, input, ctx)
      } finally {
        if (id) running.delete(id)
      }
    },
    cancel(callId: unknown): void {
      if (typeof callId === 'string') running.get(callId)?.abort()
    }
  }
}
