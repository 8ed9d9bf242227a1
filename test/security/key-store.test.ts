import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { connectionKey } from '../../main/db/driver'
import { openWorkspaceDb } from '../../main/db/open'
import { createSafeStorageWrapper } from '../../main/electron/safe-storage-wrapper'
import { WorkspaceKeyStore } from '../../main/security/key-store'
import { passphraseKey } from '../../main/db/workspace-key'
import { fakeSafeStorage, storeIn, workspaceWithDeviceKeys } from '../helpers/device-keys'
import { createTestWorkspace, tempDir, TEST_ORGANIZATION } from '../helpers/workspace'

describe('safeStorage wrapper', () => {
  it('refuses Linux basic_text and unknown backends, and an unavailable store', () => {
    expect(createSafeStorageWrapper(fakeSafeStorage('basic_text'), 'linux').unavailableReason()).toMatch(/basic_text/)
    expect(createSafeStorageWrapper(fakeSafeStorage('unknown'), 'linux').unavailableReason()).toMatch(/unknown/)
    expect(createSafeStorageWrapper(fakeSafeStorage('gnome_libsecret', { available: false }), 'linux').unavailableReason()).toMatch(/no secret store/)
    expect(createSafeStorageWrapper(fakeSafeStorage('gnome_libsecret'), 'linux').unavailableReason()).toBeNull()
    expect(createSafeStorageWrapper(fakeSafeStorage('kwallet5'), 'linux').unavailableReason()).toBeNull()
    // The backend question is Linux-only; on macOS and Windows availability is enough.
    expect(createSafeStorageWrapper(fakeSafeStorage('unknown'), 'darwin').unavailableReason()).toBeNull()
  })

  it('round-trips a secret', () => {
    const wrapper = createSafeStorageWrapper(fakeSafeStorage('gnome_libsecret'), 'linux')
    const secret = Buffer.alloc(32, 0xab)
    expect(wrapper.unwrap(wrapper.wrap(secret)).equals(secret)).toBe(true)
  })
})

describe('device key store', () => {
  it('stores a random 32-byte key only wrapped, and finds it again', () => {
    const dir = tempDir()
    const store = storeIn(dir, createSafeStorageWrapper(fakeSafeStorage('gnome_libsecret'), 'linux'))
    const key = WorkspaceKeyStore.randomKey()
    if (key.kind !== 'raw') throw new Error('expected a raw key')
    expect(key.key).toHaveLength(32)
    store.remember(path.join(dir, 'a.safeguard'), key)
    const stored = fs.readFileSync(path.join(dir, 'workspace-keys.json'), 'utf8')
    for (const form of ['hex', 'base64', 'base64url', 'latin1'] as const) expect(stored).not.toContain(key.key.toString(form))
    expect(fs.statSync(path.join(dir, 'workspace-keys.json')).mode & 0o777).toBe(0o600)
    expect(store.keyFor(path.join(dir, 'a.safeguard'))).toEqual(key)
    expect(store.keyFor(path.join(dir, 'b.safeguard'))).toBeNull()
    store.forget(path.join(dir, 'a.safeguard'))
    expect(store.keyFor(path.join(dir, 'a.safeguard'))).toBeNull()
  })

  it('writes nothing when the secret store cannot protect the key', () => {
    const dir = tempDir()
    const store = storeIn(dir, createSafeStorageWrapper(fakeSafeStorage('basic_text'), 'linux'))
    expect(() => store.remember(path.join(dir, 'a.safeguard'), WorkspaceKeyStore.randomKey())).toThrow(/passphrase instead/)
    expect(fs.existsSync(path.join(dir, 'workspace-keys.json'))).toBe(false)
  })

  it('gives no key when the secret store changed (another device or keyring)', () => {
    const dir = tempDir()
    const file = path.join(dir, 'keys.json')
    new WorkspaceKeyStore(file, createSafeStorageWrapper(fakeSafeStorage('gnome_libsecret', { device: 1 }), 'linux')).remember(
      '/w.safeguard',
      passphraseKey('pass phrase')
    )
    const elsewhere = new WorkspaceKeyStore(file, createSafeStorageWrapper(fakeSafeStorage('gnome_libsecret', { device: 2 }), 'linux'))
    expect(elsewhere.keyFor('/w.safeguard')).not.toEqual(passphraseKey('pass phrase'))
  })
})

describe('security calls', () => {
  it('encrypts the open workspace with a device key, reopens it through the store, and never logs the key', async () => {
    const logged: string[] = []
    const original = { log: console.log, error: console.error, warn: console.warn }
    console.log = console.error = console.warn = (...args: unknown[]) => void logged.push(args.map(String).join(' '))
    onTestFinished(() => {
      Object.assign(console, original)
    })

    const test = await workspaceWithDeviceKeys(createSafeStorageWrapper(fakeSafeStorage('gnome_libsecret'), 'linux'))
    expect(await test.call('security.status', {})).toMatchObject({ encrypted: false, keySource: null, deviceKeys: { usable: true } })
    const status = await test.call('security.encrypt', {})
    expect(status).toMatchObject({ encrypted: true, keySource: 'device' })
    const key = connectionKey(test.session.requireWorkspace().db)
    if (key?.kind !== 'raw') throw new Error('expected a raw key')

    await test.call('workspace.close', {})
    expect((await test.call('workspace.open', { path: test.workspacePath })).organization.name).toBe(TEST_ORGANIZATION.name)
    expect(() => openWorkspaceDb(test.workspacePath, { key: null })).toThrow(/is an encrypted workspace/)
    expect(logged.join('\n')).not.toContain(key.key.toString('hex'))
  })

  it('refuses a device key where the secret store is basic_text, leaving the workspace as it was', async () => {
    const test = await workspaceWithDeviceKeys(createSafeStorageWrapper(fakeSafeStorage('basic_text'), 'linux'))
    expect(await test.call('security.status', {})).toMatchObject({ deviceKeys: { usable: false, reason: expect.stringMatching(/basic_text/) } })
    await expect(test.call('security.encrypt', {})).rejects.toMatchObject({ code: 'unsupported', details: { reason: 'no-secure-storage' } })
    expect(fs.readFileSync(test.workspacePath).subarray(0, 15).toString()).toBe('SQLite format 3')
    expect(fs.existsSync(path.join(test.dir, 'workspace-keys.json'))).toBe(false)
    expect(await test.call('security.status', {})).toMatchObject({ encrypted: false })
  })

  it('encrypts with a passphrase, which then unlocks it', async () => {
    const test = await createTestWorkspace()
    expect(await test.call('security.encrypt', { passphrase: 'a passphrase to remember' })).toMatchObject({
      encrypted: true,
      keySource: 'passphrase'
    })
    await test.call('workspace.close', {})
    await expect(test.call('workspace.open', { path: test.workspacePath })).rejects.toMatchObject({ code: 'not-a-workspace' })
    await expect(test.call('security.unlock', { path: test.workspacePath, passphrase: 'wrong one' })).rejects.toMatchObject({
      details: { reason: 'wrong-passphrase' }
    })
    const summary = await test.call('security.unlock', { path: test.workspacePath, passphrase: 'a passphrase to remember' })
    expect(summary.organization.name).toBe(TEST_ORGANIZATION.name)
    expect(await test.call('security.status', {})).toMatchObject({ encrypted: true, keySource: 'passphrase' })
    await expect(test.call('security.encrypt', { passphrase: 'another passphrase' })).rejects.toMatchObject({ code: 'conflict' })
  })
})
