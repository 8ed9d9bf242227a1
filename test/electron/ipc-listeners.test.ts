import { describe, expect, it } from 'vitest'
import { IPC_CALL_CHANNEL, IPC_CANCEL_CHANNEL } from '../../main/api/bridge'
import { headlessHost } from '../../main/api/host'
import { APP_ENTRY_URL } from '../../main/electron/app-protocol'
import { createIpcListeners } from '../../main/electron/ipc-listeners'
import { Session } from '../../main/workspace/session'

function eventFrom(frameUrl: string | undefined, isMainFrame: boolean) {
  const frame = { url: frameUrl }
  const sent: unknown[][] = []
  return {
    senderFrame: frame,
    sender: { mainFrame: isMainFrame ? frame : { url: APP_ENTRY_URL }, isDestroyed: () => false, send: (...args: unknown[]) => sent.push(args) }
  } as never
}

const UNTRUSTED: [string, string | undefined, boolean][] = [
  ['a subframe of the app', APP_ENTRY_URL, false],
  ['a remote page', 'https://evil.example/', true],
  ['another app host', 'app://evil/index.html', true],
  ['a frame without URL', undefined, true]
]

describe('IPC listeners', () => {
  it('has exactly the channels the preload uses', () => {
    const listeners = createIpcListeners(new Session({ dataDir: null, appVersion: 't' }), headlessHost)
    expect(Object.keys(listeners.handle)).toEqual([IPC_CALL_CHANNEL])
    expect(Object.keys(listeners.on)).toEqual([IPC_CANCEL_CHANNEL])
  })

  it.each(UNTRUSTED)('lets no cancel from %s abort a running call', (_name, frameUrl, isMainFrame) => {
    const running = new Map([['call-1', new AbortController()]])
    const listeners = createIpcListeners(new Session({ dataDir: null, appVersion: 't' }), headlessHost, running)
    listeners.on[IPC_CANCEL_CHANNEL](eventFrom(frameUrl, isMainFrame), 'call-1')
    expect(running.get('call-1')!.signal.aborted).toBe(false)
  })

  it('lets the app main frame cancel its call', () => {
    const running = new Map([['call-1', new AbortController()]])
    const listeners = createIpcListeners(new Session({ dataDir: null, appVersion: 't' }), headlessHost, running)
    listeners.on[IPC_CANCEL_CHANNEL](eventFrom(APP_ENTRY_URL, true), 'call-1')
    expect(running.get('call-1')!.signal.aborted).toBe(true)
  })

  it.each(UNTRUSTED)('refuses calls from %s', async (_name, frameUrl, isMainFrame) => {
    const listeners = createIpcListeners(new Session({ dataDir: null, appVersion: 't' }), headlessHost)
    const answer = await listeners.handle[IPC_CALL_CHANNEL](eventFrom(frameUrl, isMainFrame), 'app.info', {}, 'x')
    expect(answer).toMatchObject({ ok: false, error: { code: 'unknown-call' } })
  })

  it('answers the app main frame through the real handler table', async () => {
    const listeners = createIpcListeners(new Session({ dataDir: null, appVersion: '9.9.9' }), headlessHost)
    const answer = await listeners.handle[IPC_CALL_CHANNEL](eventFrom(APP_ENTRY_URL, true), 'app.info', {}, 'x')
    expect(answer).toMatchObject({ ok: true, value: { version: '9.9.9' } })
  })

  it('refuses names outside the contract even from the app', async () => {
    const listeners = createIpcListeners(new Session({ dataDir: null, appVersion: 't' }), headlessHost)
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'app.info ', 42, null]) {
      const answer = await listeners.handle[IPC_CALL_CHANNEL](eventFrom(APP_ENTRY_URL, true), name, {}, 'x')
      expect(answer).toMatchObject({ ok: false, error: { code: 'unknown-call' } })
    }
  })
})
