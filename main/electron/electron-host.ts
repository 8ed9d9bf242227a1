import { type BrowserWindow, clipboard, dialog, Notification, shell } from 'electron'
import type { Host } from '../api/host'

/** The host the handlers see inside the desktop app: native dialogs and notifications. */
export function createElectronHost(getWindow: () => BrowserWindow | null): Host {
  const parent = () => getWindow() ?? undefined
  return {
    async pickOpenPath(options) {
      const window = parent()
      const dialogOptions = { title: options.title, filters: options.filters ?? [], properties: ['openFile' as const] }
      const result = window ? await dialog.showOpenDialog(window, dialogOptions) : await dialog.showOpenDialog(dialogOptions)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async pickOpenPaths(options) {
      const window = parent()
      const dialogOptions = {
        title: options.title,
        filters: options.filters ?? [],
        properties: ['openFile' as const, 'multiSelections' as const]
      }
      const result = window ? await dialog.showOpenDialog(window, dialogOptions) : await dialog.showOpenDialog(dialogOptions)
      return result.canceled ? [] : result.filePaths
    },
    async pickSavePath(options) {
      const window = parent()
      const dialogOptions = { title: options.title, defaultPath: options.defaultName, filters: options.filters ?? [] }
      const result = window ? await dialog.showSaveDialog(window, dialogOptions) : await dialog.showSaveDialog(dialogOptions)
      return result.canceled ? null : (result.filePath ?? null)
    },
    async pickDirectory(options) {
      const window = parent()
      const dialogOptions = { title: options.title, properties: ['openDirectory' as const, 'createDirectory' as const] }
      const result = window ? await dialog.showOpenDialog(window, dialogOptions) : await dialog.showOpenDialog(dialogOptions)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    notify(title, body) {
      if (Notification.isSupported()) new Notification({ title, body, silent: false }).show()
    },
    async openPath(file) {
      // shell.openPath answers with an error message, empty when the file opened.
      const failure = await shell.openPath(file)
      if (failure) throw new Error(`${file} could not be opened: ${failure}`)
    },
    showItemInFolder(file) {
      shell.showItemInFolder(file)
    },
    copyText(text) {
      clipboard.writeText(text)
    }
  }
}
