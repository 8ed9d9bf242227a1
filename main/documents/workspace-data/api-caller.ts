import type { CallName, InputOf, OutputOf } from '../../api/contract'
import { callHandler } from '../../api/dispatch'
import { isApiError } from '../../api/errors'
import type { CallContext } from '../../api/handler-types'

/**
 * How the documents read the workspace: through the other features' public calls, with the same
 * validation as every transport, so documents never depend on another feature's tables.
 */
export type ApiCaller = {
  call<K extends CallName>(name: K, input: InputOf<K>): Promise<OutputOf<K>>
  /**
   * A call of a feature that may not be part of this build yet: null when the call is unknown, so
   * the document says "not recorded in this workspace" instead of failing.
   */
  optional<T>(name: string, input: Record<string, unknown>): Promise<T | null>
}

export function apiCaller(ctx: CallContext): ApiCaller {
  return {
    call: async (name, input) => (await callHandler(name, input, ctx)) as never,
    optional: async <T>(name: string, input: Record<string, unknown>) => {
      try {
        return (await callHandler(name, input, ctx)) as T
      } catch (error) {
        if (isApiError(error) && error.code === 'unknown-call') return null
        throw error
      }
    }
  }
}
