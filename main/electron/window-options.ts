import type { BrowserWindowConstructorOptions } from 'electron'

/**
 * The single source of the main window's settings, kept pure so a test can
 * check every item of Electron's security checklist without an Electron binary.
 */
export function mainWindowOptions(options: { preloadPath: string; isProduction: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Safeguard',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: !options.isProduction
    }
  }
}
