import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { createCallContext } from '../api/call-context'
import { dispatch } from '../api/dispatch'
import { IPC_CALL_CHANNEL, IPC_CANCEL_CHANNEL, IPC_PROGRESS_CHANNEL } from '../api/bridge'
import type { Host } from '../api/host'
import type { Session } from '../workspace/session'
import { isTrustedSender } from './ipc-sender-policy'

function senderFacts(event: IpcMainInvokeEvent | IpcMainEvent) {
  const frame = event.senderFrame
  return { frameUrl: frame?.url, isMainFrame: !!frame && frame === event.sender.mainFrame }
}

/**
 * The only IPC the app has: one channel that dispatches into the handler
 * table, one to cancel a running call, and progress pushed back to the
 * caller's window. Calls from anything but the app's main frame are refused.
 */
export function registerIpc(session: Session, host: Host): void {
  const running = new Map<string, AbortController>()

  ipcMain.handle(IPC_CALL_CHANNEL, async (event, name: unknown, input: unknown, callId: unknown) => {
    if (!isTrustedSender(senderFacts(event))) {
      return { ok: false, error: { code: 'unknown-call', message: 'Refused: the call did not come from the app.' } }
    }
    const id = typeof callId === 'string' && callId.length <= 100 ? callId : ''
    const controller = new AbortController()
    if (id) running.set(id, controller)
    const sender: WebContents = event.sender
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
  })

  ipcMain.on(IPC_CANCEL_CHANNEL, (event, callId: unknown) => {
    if (!isTrustedSender(senderFacts(event)) || typeof callId !== 'string') return
    running.get(callId)?.abort()
  })
}
