import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron'
import { IPC_CALL_CHANNEL, IPC_CANCEL_CHANNEL, IPC_PROGRESS_CHANNEL } from '../api/bridge'
import type { Envelope } from '../api/envelope'
import type { Host } from '../api/host'
import { createRendererCalls } from '../api/renderer-calls'
import type { Session } from '../workspace/session'
import { isTrustedSender } from './ipc-sender-policy'

function senderFacts(event: IpcMainInvokeEvent | IpcMainEvent) {
  const frame = event.senderFrame
  return { frameUrl: frame?.url, isMainFrame: !!frame && frame === event.sender.mainFrame }
}

const REFUSED: Envelope = { ok: false, error: { code: 'unknown-call', message: 'Refused: the call did not come from the app.' } }

/**
 * Every IPC listener the app has, keyed by channel: `handle` for
 * ipcMain.handle, `on` for ipcMain.on. Each one checks its sender before
 * reading any argument, then runs the call as the app window's
 * (createRendererCalls: output paths only from the save dialog). Kept free
 * of electron imports so the sender checks are tested against the real
 * handler table.
 */
export function createIpcListeners(session: Session, host: Host, running = new Map<string, AbortController>()) {
  const calls = createRendererCalls(() => session, host, running)
  const handle = {
    [IPC_CALL_CHANNEL]: async (event: IpcMainInvokeEvent, name: unknown, input: unknown, callId: unknown): Promise<Envelope> => {
      if (!isTrustedSender(senderFacts(event))) return REFUSED
      const sender = event.sender
      return calls.call(name, input, callId, (id, update) => {
        if (!sender.isDestroyed()) sender.send(IPC_PROGRESS_CHANNEL, id, update)
      })
    }
  }
  const on = {
    [IPC_CANCEL_CHANNEL]: (event: IpcMainEvent, callId: unknown): void => {
      if (!isTrustedSender(senderFacts(event))) return
      calls.cancel(callId)
    }
  }
  return { handle, on }
}
