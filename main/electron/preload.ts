import { contextBridge, ipcRenderer, webUtils } from 'electron'
import type { ProgressUpdate } from '../api/define-call'
import type { Envelope } from '../api/envelope'
import { BRIDGE_GLOBAL, createBridge, IPC_CALL_CHANNEL, IPC_CANCEL_CHANNEL, IPC_PROGRESS_CHANNEL } from '../api/bridge'

/**
 * Exposes one named function per API call (plus cancel and progress) and
 * nothing else: the page never sees ipcRenderer or an IPC event object.
 */
const bridge = createBridge({
  invoke: (name, input, callId) => ipcRenderer.invoke(IPC_CALL_CHANNEL, name, input, callId) as Promise<Envelope>,
  cancel: callId => ipcRenderer.send(IPC_CANCEL_CHANNEL, callId),
  subscribeProgress: listener => {
    const relay = (_event: unknown, callId: string, update: ProgressUpdate) => listener(callId, update)
    ipcRenderer.on(IPC_PROGRESS_CHANNEL, relay)
    return () => {
      ipcRenderer.removeListener(IPC_PROGRESS_CHANNEL, relay)
    }
  },
  // Only a File object the user dropped has a path; anything else gives ''.
  pathForFile: file => (file instanceof File ? webUtils.getPathForFile(file) : '')
})

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge)
