import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron'
import { createCallContext } from '../api/call-context'
import { IPC_CALL_CHANNEL, IPC_CANCEL_CHANNEL, IPC_PROGRESS_CHANNEL } from '../api/bridge'
import { dispatch } from '../api/dispatch'
import type { Envelope } from '../api/envelope'
import type { Host } from '../api/host'
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
 * reading any argument. Kept free of electron imports so the sender checks
 * are tested against the real handler table.
 */
export function createIpcListeners(session: Session, host: Host, running = new Map<string, AbortController>()) {
  const handle = {
    [IPC_CALL_CHANNEL]: async (event: IpcMainInvokeEvent, name: unknown, input: unknown, callId: unknown): Promise<Envelope> => {
      if (!isTrustedSender(senderFacts(event))) return REFUSED
      const id = typeof callId === 'string' && callId.length <= 100 ? callId : ''
      const controller = new AbortController()
      if (id) running.set(id, controller)
      const sender = event.sender
      const ctx = createCallContext(session, {
        host,
        signal: controller.signal,
        onProgress: update => {
          if (id && !sender.isDestroyed()) sender.send(IPC_PROGRESS_CHANNEL, id, update)
        }
      })
      try {
        return await dispatch(name, input, ctx)
      } finally {
        if (id) running.delete(id)
      }
    }
  }
  const on = {
    [IPC_CANCEL_CHANNEL]: (event: IpcMainEvent, callId: unknown): void => {
      if (!isTrustedSender(senderFacts(event)) || typeof callId !== 'string') return
      running.get(callId)?.abort()
    }
  }
  return { handle, on }
}
