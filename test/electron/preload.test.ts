import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { BRIDGE_GLOBAL, createBridge, IPC_CALL_CHANNEL, IPC_CANCEL_CHANNEL, IPC_PROGRESS_CHANNEL } from '../../main/api/bridge'
import { CALL_NAMES } from '../../main/api/contract'
import { sharedFakeElectron } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).sharedFakeElectron().module)

const fake = sharedFakeElectron()

/** Every value reachable from `root` through own properties (functions included). */
function reachable(root: unknown): unknown[] {
  const seen = new Set<unknown>()
  const queue = [root]
  while (queue.length) {
    const value = queue.pop()
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue
    seen.add(value)
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(value, key)
      if (descriptor && 'value' in descriptor) queue.push(descriptor.value)
    }
  }
  return [...seen]
}

beforeAll(async () => {
  await import('../../main/electron/preload')
})

describe('preload', () => {
  it('exposes one global, and never ipcRenderer or any of its methods', () => {
    expect([...fake.exposed.keys()]).toEqual([BRIDGE_GLOBAL])
    const exposed = fake.exposed.get(BRIDGE_GLOBAL)
    const values = reachable(exposed)
    const ipcRenderer = fake.ipcRenderer as unknown as Record<string, unknown>
    const forbidden = [ipcRenderer, ...['invoke', 'send', 'on', 'once', 'removeListener', 'emit'].map(name => ipcRenderer[name])]
    for (const value of forbidden) expect(values).not.toContain(value)
    expect(Object.keys(exposed as object).sort()).toEqual(['calls', 'cancel', 'onProgress', 'pathForFile'])
    expect(Object.keys((exposed as { calls: object }).calls).sort()).toEqual([...CALL_NAMES].sort())
  })

  it('gives the path of a dropped File only, and nothing for anything else', () => {
    const exposed = fake.exposed.get(BRIDGE_GLOBAL) as ReturnType<typeof createBridge>
    expect(exposed.pathForFile({ path: '/etc/passwd' })).toBe('')
    expect(exposed.pathForFile('/etc/passwd')).toBe('')
    const dropped = Object.assign(new File(['x'], 'scan.json'), { path: '/home/consultant/scan.json' })
    expect(exposed.pathForFile(dropped)).toBe('/home/consultant/scan.json')
  })

  it('sends calls and cancels only on the app channels', async () => {
    const exposed = fake.exposed.get(BRIDGE_GLOBAL) as ReturnType<typeof createBridge>
    await exposed.calls['app.info']({}, 'call-7')
    exposed.cancel('call-7')
    expect(fake.ipcRenderer.invocations).toEqual([[IPC_CALL_CHANNEL, 'app.info', {}, 'call-7']])
    expect(fake.ipcRenderer.sends).toEqual([[IPC_CANCEL_CHANNEL, 'call-7']])
  })

  it('hands progress listeners the call id and update, never the IPC event', () => {
    const exposed = fake.exposed.get(BRIDGE_GLOBAL) as ReturnType<typeof createBridge>
    const received: unknown[][] = []
    const unsubscribe = exposed.onProgress((...args) => received.push(args))
    const ipcEvent = { sender: fake.ipcRenderer, ports: [] }
    fake.ipcRenderer.emit(IPC_PROGRESS_CHANNEL, ipcEvent, 'call-7', { phase: 'reading' })
    expect(received).toEqual([['call-7', { phase: 'reading' }]])
    unsubscribe()
    fake.ipcRenderer.emit(IPC_PROGRESS_CHANNEL, ipcEvent, 'call-7', { phase: 'again' })
    expect(received).toHaveLength(1)
  })

  it('calls exposeInMainWorld once, with the bridge only (source check)', () => {
    const source = fs.readFileSync(path.resolve(__dirname, '../../main/electron/preload.ts'), 'utf8')
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1)
    expect(source).toMatch(/contextBridge\.exposeInMainWorld\(BRIDGE_GLOBAL, bridge\)/)
    expect(source).toMatch(/const bridge = createBridge\(/)
    expect(source).not.toMatch(/exposeInIsolatedWorld|webFrame|require\(/)
  })
})

describe('createBridge', () => {
  it('keeps the transport out of the object it returns', () => {
    const transport = {
      invoke: vi.fn(async () => ({ ok: true as const, value: 1 })),
      cancel: vi.fn(),
      subscribeProgress: vi.fn(() => () => undefined)
    }
    const bridge = createBridge(transport)
    const values = reachable(bridge)
    for (const value of [transport, transport.invoke, transport.cancel, transport.subscribeProgress]) expect(values).not.toContain(value)
  })

  it('passes only contract names to the transport, whatever the page passes as id', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, value: 1 }))
    const bridge = createBridge({ invoke, cancel: vi.fn(), subscribeProgress: () => () => undefined })
    await bridge.calls['app.info']({}, { toString: () => 'sneaky' } as never)
    expect(invoke).toHaveBeenCalledWith('app.info', {}, 'sneaky')
    expect(Object.getPrototypeOf(bridge.calls)).toBe(Object.prototype)
    expect((bridge.calls as Record<string, unknown>)['__proto__']).toBe(Object.prototype)
  })
})
