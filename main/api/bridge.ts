import type { ProgressUpdate } from './define-call'
import type { Envelope } from './envelope'
import { CALL_NAMES, type CallName } from './contract'

/** How a bridge reaches the main side: IPC in Electron, a page binding in end-to-end tests. */
export interface BridgeTransport {
  invoke(name: CallName, input: unknown, callId: string): Promise<Envelope>
  cancel(callId: string): void
  subscribeProgress(listener: (callId: string, update: ProgressUpdate) => void): () => void
  /** The path of a file dropped on the page, where the host can know it (Electron's webUtils). */
  pathForFile?(file: unknown): string
}

export type BridgeCalls = { [K in CallName]: (input: unknown, callId: string) => Promise<Envelope> }

/**
 * What the preload exposes to the page as `window.safeguard`: one named
 * function per call in the contract, plus cancel and progress. Never the
 * transport itself, so the page cannot reach arbitrary channels.
 */
export interface SafeguardBridge {
  calls: BridgeCalls
  cancel(callId: string): void
  onProgress(listener: (callId: string, update: ProgressUpdate) => void): () => void
  /** The path of a dropped file; '' when the page cannot know it (a plain browser). */
  pathForFile(file: unknown): string
}

export function createBridge(transport: BridgeTransport): SafeguardBridge {
  const calls = Object.fromEntries(
    CALL_NAMES.map(name => [name, (input: unknown, callId: string) => transport.invoke(name, input, String(callId))])
  ) as BridgeCalls
  return {
    calls,
    cancel: callId => transport.cancel(String(callId)),
    onProgress: listener => transport.subscribeProgress(listener),
    pathForFile: file => transport.pathForFile?.(file) ?? ''
  }
}

export const BRIDGE_GLOBAL = 'safeguard'
export const IPC_CALL_CHANNEL = 'safeguard:call'
export const IPC_CANCEL_CHANNEL = 'safeguard:cancel'
export const IPC_PROGRESS_CHANNEL = 'safeguard:progress'
