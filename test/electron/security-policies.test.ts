import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL } from '../../main/electron/app-protocol'
import { CONTENT_SECURITY_POLICY } from '../../main/electron/content-security-policy'
import { isTrustedSender } from '../../main/electron/ipc-sender-policy'
import { isNavigationAllowed, isPermissionAllowed } from '../../main/electron/navigation-policy'
import { mainWindowOptions } from '../../main/electron/window-options'

describe('main window settings', () => {
  it('follows Electron security checklist in production', () => {
    const prefs = mainWindowOptions({ preloadPath: '/app/preload.js', isProduction: true }).webPreferences!
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false
    })
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
    expect(prefs.preload).toBe('/app/preload.js')
  })

  it('allows devtools only outside production', () => {
    expect(mainWindowOptions({ preloadPath: 'p', isProduction: false }).webPreferences?.devTools).toBe(true)
  })
})

describe('navigation and permissions', () => {
  const urls = [
    'https://example.com',
    'http://localhost:3000',
    'http://127.0.0.1',
    'file:///etc/passwd',
    'file:///C:/Windows/system32',
    'data:text/html,hi',
    'javascript:alert(1)',
    'about:blank',
    'blob:app://bundle/uuid',
    'app://evil/index.html',
    'app://bundle/../index.html',
    'app://bundle/other.html',
    'app://bundle/index.html?x=1',
    'app://bundle/index.html#/settings',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'ws://localhost:1234',
    'wss://example.com',
    'ftp://example.com',
    'mailto:someone@example.com',
    'smb://server/share',
    'vscode://file/etc',
    'ms-msdt:/id',
    'view-source:app://bundle/index.html',
    'https://app.bundle/index.html',
    'APP://BUNDLE/INDEX.HTML',
    'app:bundle/index.html',
    'app://bundle.evil.com/index.html',
    'https://hhs.gov',
    ''
  ]

  it.each(urls)('refuses to navigate to %s', url => {
    expect(isNavigationAllowed(url)).toBe(false)
  })

  it('stays on its own entry page', () => {
    expect(isNavigationAllowed(APP_ENTRY_URL)).toBe(true)
  })

  it.each([
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'fullscreen',
    'geolocation',
    'idle-detection',
    'media',
    'mediaKeySystem',
    'midi',
    'midiSysex',
    'notifications',
    'pointerLock',
    'keyboardLock',
    'openExternal',
    'speaker-selection',
    'storage-access',
    'top-level-storage-access',
    'window-management',
    'unknown',
    'fileSystem'
  ])('denies the %s permission', permission => {
    expect(isPermissionAllowed(permission)).toBe(false)
  })
})

describe('IPC senders', () => {
  it('answers only the main frame of the app origin', () => {
    expect(isTrustedSender({ frameUrl: 'app://bundle/index.html', isMainFrame: true })).toBe(true)
    expect(isTrustedSender({ frameUrl: 'app://bundle/index.html', isMainFrame: false })).toBe(false)
    expect(isTrustedSender({ frameUrl: 'https://evil.example/', isMainFrame: true })).toBe(false)
    expect(isTrustedSender({ frameUrl: 'file:///tmp/x.html', isMainFrame: true })).toBe(false)
    expect(isTrustedSender({ frameUrl: 'app://evil/index.html', isMainFrame: true })).toBe(false)
    expect(isTrustedSender({ frameUrl: undefined, isMainFrame: true })).toBe(false)
    expect(isTrustedSender({ frameUrl: 'not a url', isMainFrame: true })).toBe(false)
  })
})

describe('content security policy', () => {
  const directives = Object.fromEntries(
    CONTENT_SECURITY_POLICY.split(';').map(part => {
      const [name, ...values] = part.trim().split(/\s+/)
      return [name, values]
    })
  )
  it('allows scripts only from the bundle, never inline or eval', () => {
    expect(directives['default-src']).toEqual(["'none'"])
    expect(directives['script-src']).toEqual(["'self'"])
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(directives['object-src']).toEqual(["'none'"])
  })
  it('allows no remote origin anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/)
    expect(directives['connect-src']).toEqual(["'self'"])
  })
})
