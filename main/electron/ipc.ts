import { ipcMain } from 'electron'
import type { Host } from '../api/host'
import type { Session } from '../workspace/session'
import { createIpcListeners } from './ipc-listeners'

/**
 * The only IPC the app has: one channel that dispatches into the handler
 * table, one to cancel a running call, and progress pushed back to the
 * caller's window. Every listener refuses anything but the app's main frame.
 */
export function registerIpc(session: Session, host: Host): void {
  const listeners = createIpcListeners(session, host)
  for (const [channel, listener] of Object.entries(listeners.handle)) ipcMain.handle(channel, listener)
  for (const [channel, listener] of Object.entries(listeners.on)) ipcMain.on(channel, listener)
}
