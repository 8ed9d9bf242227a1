import type { WebContents } from 'electron'
import { isNavigationAllowed } from './navigation-policy'

/**
 * What every web contents gets, the main window's and any other one Electron
 * creates: no navigation away from the entry page, no redirects elsewhere,
 * no <webview>, and no new windows. Links are never handed to the system
 * browser here: the app has no remote page worth opening.
 */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault()
  })
  contents.on('will-frame-navigate', event => {
    if (!isNavigationAllowed(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', event => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}
