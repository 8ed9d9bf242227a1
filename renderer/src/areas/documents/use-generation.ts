import { useCallback, useRef, useState } from 'react'
import type { ProgressUpdate } from '../../../../main/api/contract'
import { errorMessage, type CallOptions } from '../../api'

export type GenerationState<T> =
  | { kind: 'idle' }
  | { kind: 'running'; progress: ProgressUpdate | null }
  | { kind: 'done'; result: T }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string }

/** Runs one long document call with progress and a cancel button; a dialog cancel (null) returns to idle. */
export function useGeneration<T>(run: (options: CallOptions) => Promise<T | null>) {
  const [state, setState] = useState<GenerationState<T>>({ kind: 'idle' })
  const controller = useRef<AbortController | null>(null)
  const start = useCallback(async () => {
    const abort = new AbortController()
    controller.current = abort
    setState({ kind: 'running', progress: null })
    try {
      const result = await run({ signal: abort.signal, onProgress: progress => setState({ kind: 'running', progress }) })
      setState(result === null ? { kind: 'idle' } : { kind: 'done', result })
    } catch (error) {
      setState(abort.signal.aborted ? { kind: 'cancelled' } : { kind: 'failed', message: errorMessage(error) })
    } finally {
      controller.current = null
    }
  }, [run])
  const cancel = useCallback(() => controller.current?.abort(), [])
  return { state, start, cancel }
}
