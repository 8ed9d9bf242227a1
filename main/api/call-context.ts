import type { ProgressUpdate } from './define-call'
import type { CallContext } from './handler-types'
import { headlessHost, type Host } from './host'
import { callerNamedOutputPaths, type OutputPathPolicy } from './output-paths'
import type { Session } from '../workspace/session'

export function createCallContext(
  session: Session,
  options: { host?: Host; signal?: AbortSignal; onProgress?: (update: ProgressUpdate) => void; outputPaths?: OutputPathPolicy } = {}
): CallContext {
  const host = options.host ?? headlessHost
  const outputPaths = options.outputPaths ?? callerNamedOutputPaths
  return {
    session,
    workspace: () => session.requireWorkspace(),
    progress: update => options.onProgress?.(update),
    signal: options.signal ?? new AbortController().signal,
    host,
    outputPaths,
    savePath: async (given, dialog) => (given !== undefined ? outputPaths.check(given) : await host.pickSavePath(dialog)),
    saveFolder: async (given, dialog) => (given !== undefined ? outputPaths.check(given) : await host.pickDirectory(dialog))
  }
}
