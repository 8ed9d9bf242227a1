import { BrowserWindow, shell } from 'electron'
import { APP_ENTRY_URL } from './app-protocol'
import { isNavigationAllowed } from './navigation-policy'
import { mainWindowOptions } from './window-options'

export function createMainWindow(options: { preloadPath: string; isProduction: boolean }): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options))
  const { webContents } = window

  webContents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault()
  })
  webContents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault()
  })
  webContents.on('will-attach-webview', event => event.preventDefault())
  webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  // Keep a reference so a future allow-listed help link has one reviewed place to go through.
  void shell

  window.once('ready-to-show', () => window.show())
  void window.loadURL(APP_ENTRY_URL)
  return window
}
