import { session as electronSession } from 'electron'
import { isPermissionAllowed } from './navigation-policy'

/**
 * Locks down the default session: every permission refused, and every
 * request to a network scheme cancelled so nothing can leave the machine,
 * whatever a dependency might try.
 */
export function secureDefaultSession(): void {
  const ses = electronSession.defaultSession
  ses.setPermissionRequestHandler((_webContents, permission, callback) => callback(isPermissionAllowed(permission)))
  ses.setPermissionCheckHandler((_webContents, permission) => isPermissionAllowed(permission))
  ses.setDevicePermissionHandler(() => false)
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (_details, callback) =>
    callback({ cancel: true })
  )
  ses.on('will-download', event => event.preventDefault())
}
