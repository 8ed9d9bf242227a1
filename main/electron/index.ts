import fs from 'node:fs'
import path from 'node:path'
import { app, BrowserWindow, protocol, safeStorage } from 'electron'
import { backupIfDue } from '../backup/backup'
import { deviceKeyProvider } from '../security/device-key-provider'
import { WorkspaceKeyStore } from '../security/key-store'
import { Session } from '../workspace/session'
import { APP_SCHEME } from './app-protocol'
import { createAppProtocolHandler } from './app-protocol-handler'
import { secureDefaultSession } from './app-session-security'
import { createElectronHost } from './electron-host'
import { registerIpc } from './ipc'
import { installMenu } from './menu'
import { createSafeStorageWrapper } from './safe-storage-wrapper'
import { guardWebContents } from './web-contents-guard'
import { createMainWindow } from './window'

// Sandbox every renderer, whatever a window's own settings say.
app.enableSandbox()

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])

/** How often to check whether the open workspace is due its daily backup. */
const BACKUP_CHECK_INTERVAL_MS = 60 * 60 * 1000

/** Workspace keys wrapped by safeStorage, in the app's data folder; safeStorage is usable only once the app is ready. */
function deviceKeyStore(): WorkspaceKeyStore {
  return new WorkspaceKeyStore(path.join(app.getPath('userData'), 'workspace-keys.json'), createSafeStorageWrapper(safeStorage))
}

/** A daily rolling backup of whatever workspace is open; failures are kept out of the way of the person's work. */
function scheduleDailyBackups(session: Session): void {
  const tick = () => {
    const current = session.current
    if (!current) return
    try {
      backupIfDue(current.db, current.path)
    } catch (error) {
      console.error(`Daily backup of ${current.path} failed: ${(error as Error).message}`)
    }
  }
  setTimeout(tick, 60_000).unref()
  setInterval(tick, BACKUP_CHECK_INTERVAL_MS).unref()
}

/** The SQLite binding rebuilt for Electron's ABI (see scripts/build-electron-native.mjs). */
function electronNativeBinding(): string | undefined {
  const candidates = app.isPackaged
    ? [path.join(process.resourcesPath, 'native', 'better_sqlite3.node')]
    : [path.join(app.getAppPath(), '.electron-native', 'better_sqlite3.node')]
  return candidates.find(candidate => fs.existsSync(candidate))
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let mainWindow: BrowserWindow | null = null

  // SAFEGUARD_DATA_DIR lets a consultant keep the app's state somewhere other than the OS default.
  if (process.env.SAFEGUARD_DATA_DIR) app.setPath('userData', path.resolve(process.env.SAFEGUARD_DATA_DIR))

  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
  })

  void app.whenReady().then(() => {
    const keyStore = deviceKeyStore()
    secureDefaultSession()
    protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(__dirname, '../renderer')))
    installMenu()

    const nativeBinding = electronNativeBinding()
    const session = new Session({
      dataDir: app.getPath('userData'),
      appVersion: app.getVersion(),
      // Every new workspace is encrypted: with a device key where the store can keep one.
      keyProvider: deviceKeyProvider(keyStore, { nativeBinding }),
      deviceKeyStore: keyStore,
      nativeBinding,
      programName: 'the Safeguard app'
    })
    registerIpc(
      session,
      createElectronHost(() => mainWindow)
    )
    scheduleDailyBackups(session)

    const open = () => {
      mainWindow = createMainWindow({ preloadPath: path.join(__dirname, '../preload/index.js'), isProduction: app.isPackaged })
      mainWindow.on('closed', () => {
        mainWindow = null
      })
    }
    open()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) open()
    })
    app.on('will-quit', () => session.close())
  })

  // Every web contents, not only the main window's, gets the navigation and window-open guard.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents))

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
