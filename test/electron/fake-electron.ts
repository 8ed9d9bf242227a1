/**
 * A stand-in for the `electron` module, recording what the shell does with
 * it, so the shell's wiring is tested without an Electron binary. Each test
 * file mocks 'electron' with one of these (vi.mock + vi.hoisted).
 */
type Listener = (...args: unknown[]) => unknown

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>()
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener)
  }
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map(listener => listener(...args))
  }
  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0
  }
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  readonly mainFrame = { url: 'app://bundle/index.html' }
  readonly sent: unknown[][] = []
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
  isDestroyed(): boolean {
    return false
  }
  send(...args: unknown[]): void {
    this.sent.push(args)
  }
}

/** A navigation event whose preventDefault is recorded. */
export function navigationEvent(url = ''): { url: string; prevented: boolean; preventDefault(): void } {
  return {
    url,
    prevented: false,
    preventDefault() {
      this.prevented = true
    }
  }
}

export function createFakeElectron() {
  const log: string[] = []
  let markReady!: () => void
  const ready = new Promise<void>(resolve => {
    markReady = () => {
      log.push('ready')
      resolve()
    }
  })
  const paths = { userData: '', appPath: '' }

  const appEvents = new FakeEmitter()
  const app = Object.assign(appEvents, {
    isPackaged: false,
    enableSandbox: () => log.push('app.enableSandbox'),
    requestSingleInstanceLock: () => true,
    quit: () => log.push('app.quit'),
    whenReady: () => ready,
    setPath: (name: string, value: string) => {
      if (name === 'userData') paths.userData = value
    },
    getPath: () => paths.userData,
    getAppPath: () => paths.appPath,
    getVersion: () => '0.0.0-test'
  })

  const windows: FakeBrowserWindow[] = []
  class FakeBrowserWindow extends FakeEmitter {
    static getAllWindows = () => windows
    readonly webContents = new FakeWebContents()
    loadedUrls: string[] = []
    constructor(readonly options: Record<string, unknown>) {
      super()
      windows.push(this)
      log.push('new BrowserWindow')
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrls.push(url)
      return Promise.resolve()
    }
    show(): void {}
    isMinimized(): boolean {
      return false
    }
    restore(): void {}
    focus(): void {}
  }

  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>()
  const privilegedSchemes: unknown[] = []
  const protocol = {
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      log.push('protocol.registerSchemesAsPrivileged')
      privilegedSchemes.push(...schemes)
    },
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => protocolHandlers.set(scheme, handler)
  }

  const sessionHandlers: {
    permissionRequest?: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void
    permissionCheck?: (webContents: unknown, permission: string, origin: string, details: unknown) => boolean
    devicePermission?: (details: unknown) => boolean
    beforeRequest?: { filter: { urls: string[] }; listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void }
  } = {}
  const defaultSession = Object.assign(new FakeEmitter(), {
    setPermissionRequestHandler: (handler: typeof sessionHandlers.permissionRequest) => {
      sessionHandlers.permissionRequest = handler
    },
    setPermissionCheckHandler: (handler: typeof sessionHandlers.permissionCheck) => {
      sessionHandlers.permissionCheck = handler
    },
    setDevicePermissionHandler: (handler: typeof sessionHandlers.devicePermission) => {
      sessionHandlers.devicePermission = handler
    },
    webRequest: {
      onBeforeRequest: (filter: { urls: string[] }, listener: NonNullable<typeof sessionHandlers.beforeRequest>['listener']) => {
        sessionHandlers.beforeRequest = { filter, listener }
      }
    }
  })

  const ipcRegistrations: { method: string; channel: string; listener: Listener }[] = []
  const ipcMain = Object.fromEntries(
    ['handle', 'handleOnce', 'on', 'once', 'addListener', 'prependListener'].map(method => [
      method,
      (channel: string, listener: Listener) => {
        ipcRegistrations.push({ method, channel, listener })
      }
    ])
  )

  const shellCalls: string[] = []
  const shell = {
    openExternal: (url: string) => {
      shellCalls.push(url)
      return Promise.resolve()
    },
    openPath: (target: string) => {
      shellCalls.push(target)
      return Promise.resolve('')
    }
  }

  const exposed = new Map<string, unknown>()
  class FakeIpcRenderer extends FakeEmitter {
    readonly invocations: unknown[][] = []
    readonly sends: unknown[][] = []
    invoke(...args: unknown[]) {
      this.invocations.push(args)
      return Promise.resolve({ ok: true, value: null })
    }
    send(...args: unknown[]) {
      this.sends.push(args)
    }
    removeListener(event: string, listener: Listener) {
      this.listeners.set(
        event,
        (this.listeners.get(event) ?? []).filter(candidate => candidate !== listener)
      )
      return this
    }
  }
  const ipcRenderer = new FakeIpcRenderer()
  const contextBridge = {
    exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value)
  }

  const menus: unknown[] = []
  const Menu = {
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu: (menu: unknown) => {
      menus.push(menu)
      log.push('Menu.setApplicationMenu')
    }
  }

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    protocol,
    session: { defaultSession },
    ipcMain,
    ipcRenderer,
    contextBridge,
    shell,
    Menu,
    dialog: {},
    webUtils: { getPathForFile: (file: { path?: string }) => file.path ?? '' },
    Notification: { isSupported: () => false },
    // A working OS secret store (as on macOS, Windows or a Linux desktop with a keyring): wraps by XOR, unwraps only its own.
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.concat([Buffer.from('v10'), Buffer.from(Buffer.from(text, 'utf8').map(byte => byte ^ 0x5c))]),
      decryptString: (wrapped: Buffer) => {
        if (wrapped.subarray(0, 3).toString() !== 'v10') throw new Error('not wrapped by this store')
        return Buffer.from(wrapped.subarray(3).map(byte => byte ^ 0x5c)).toString('utf8')
      }
    }
  }
  return {
    module,
    log,
    markReady,
    paths,
    windows,
    protocolHandlers,
    privilegedSchemes,
    sessionHandlers,
    ipcRegistrations,
    shellCalls,
    exposed,
    ipcRenderer,
    menus
  }
}

export type FakeElectron = ReturnType<typeof createFakeElectron>

let sharedFake: FakeElectron | null = null

/** The one fake of this test file (each test file runs in its own module registry). */
export function sharedFakeElectron(): FakeElectron {
  sharedFake ??= createFakeElectron()
  return sharedFake
}
