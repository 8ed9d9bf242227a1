import { BrowserWindow } from 'electron'
import { APP_ENTRY_URL } from './app-protocol'
import { guardWebContents } from './web-contents-guard'
import { mainWindowOptions } from './window-options'

/** The app's single window factory: every window comes from the reviewed options in window-options.ts. */
export function createMainWindow(options: { preloadPath: string; isProduction: boolean }): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options))
  guardWebContents(window.webContents)
  window.once('ready-to-show', () => window.show())
  void window.loadURL(APP_ENTRY_URL)
  return window
}
