/// <reference lib="dom" />
/**
 * Bundled into an init script for the test page: builds `window.safeguard`
 * with the same createBridge() the Electron preload uses, over page
 * bindings instead of IPC.
 */
import type { ProgressUpdate } from '../../main/api/define-call'
import type { Envelope } from '../../main/api/envelope'
import { BRIDGE_GLOBAL, createBridge } from '../../main/api/bridge'

interface TestBindings {
  /** Stands in for Electron's webUtils: the real path of a dropped file, by name, set by the test. */
  __safeguardDropPaths?: Record<string, string>
  __safeguardInvoke(name: string, input: unknown, callId: string): Promise<Envelope>
  __safeguardCancel(callId: string): Promise<void>
  __safeguardProgressListeners?: Set<(callId: string, update: ProgressUpdate) => void>
}

const page = window as unknown as Window & TestBindings
const listeners = new Set<(callId: string, update: ProgressUpdate) => void>()
page.__safeguardProgressListeners = listeners

const bridge = createBridge({
  invoke: (name, input, callId) => page.__safeguardInvoke(name, input, callId),
  cancel: callId => void page.__safeguardCancel(callId),
  subscribeProgress: listener => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
  pathForFile: file => (file instanceof File ? (page.__safeguardDropPaths?.[file.name] ?? '') : '')
})

Object.defineProperty(window, BRIDGE_GLOBAL, { value: Object.freeze(bridge), writable: false })
