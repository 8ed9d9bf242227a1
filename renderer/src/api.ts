import type { ApiErrorCode, CallName, InputOf, OutputOf, ProgressUpdate, SafeguardBridge } from '../../main/api/contract'

declare global {
  interface Window {
    safeguard: SafeguardBridge
  }
}

/** A call that the main side refused or that failed; `message` is written for the user. */
export class ApiCallError extends Error {
  readonly code: ApiErrorCode
  readonly details: unknown

  constructor(code: ApiErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'ApiCallError'
    this.code = code
    this.details = details
  }
}

export interface CallOptions {
  onProgress?: (update: ProgressUpdate) => void
  /** Aborting cancels the work on the main side; the call then rejects with code 'cancelled'. */
  signal?: AbortSignal
}

export type Api = { [K in CallName]: (input: InputOf<K>, options?: CallOptions) => Promise<OutputOf<K>> }

let nextCallId = 0

async function invoke(name: CallName, input: unknown, options: CallOptions = {}): Promise<unknown> {
  const bridge = window.safeguard
  const callId = `${Date.now().toString(36)}-${(nextCallId += 1)}`
  const unsubscribe = options.onProgress
    ? bridge.onProgress((id, update) => {
        if (id === callId) options.onProgress?.(update)
      })
    : undefined
  const abort = () => bridge.cancel(callId)
  options.signal?.addEventListener('abort', abort, { once: true })
  try {
    const envelope = await bridge.calls[name](input, callId)
    if (envelope.ok) return envelope.value
    throw new ApiCallError(envelope.error.code, envelope.error.message, envelope.error.details)
  } finally {
    unsubscribe?.()
    options.signal?.removeEventListener('abort', abort)
  }
}

/** The typed API: `await api['workspace.open']({ path })`. Types come from the contract. */
export const api = new Proxy({} as Api, {
  get: (_target, name) => (input: unknown, options?: CallOptions) => invoke(name as CallName, input, options)
})

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
