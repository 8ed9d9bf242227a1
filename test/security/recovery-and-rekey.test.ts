import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBackup } from '../../main/backup/backup'
import { connectionKey } from '../../main/db/driver'
import { openWorkspaceDb } from '../../main/db/open'
import { createSafeStorageWrapper } from '../../main/electron/safe-storage-wrapper'
import { deviceKeyProvider } from '../../main/security/device-key-provider'
import { WorkspaceKeyStore } from '../../main/security/key-store'
import { formatRecoveryKey, parseRecoveryKey } from '../../main/db/recovery-key'
import { newPassphraseKey, typedKey } from '../../main/db/workspace-key'
import { headlessHost } from '../../main/api/host'
import { fakeSafeStorage, sessionWithDeviceKeys, workspaceWithDeviceKeys } from '../helpers/device-keys'
import { createTestSession, createTestWorkspace, tempDir, TEST_ORGANIZATION } from '../helpers/workspace'

const isEncrypted = (file: string) => fs.readFileSync(file).subarray(0, 15).toString() !== 'SQLite format 3'

describe('recovery keys', () => {
  const key = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex')

  it('writes 32 bytes as 16 groups of 4 hex digits and reads them back, forgiving case, spaces and dashes', () => {
    const text = formatRecoveryKey(key)
    expect(text).toBe('0011-2233-4455-6677-8899-AABB-CCDD-EEFF-0011-2233-4455-6677-8899-AABB-CCDD-EEFF')
    expect(parseRecoveryKey(text)).toEqual(key)
    expect(parseRecoveryKey(text.toLowerCase().replaceAll('-', ' '))).toEqual(key)
    expect(parseRecoveryKey(key.toString('hex'))).toEqual(key)
  })

  it('is never confused with a passphrase', () => {
    expect(parseRecoveryKey('correct horse battery staple')).toBeNull()
    expect(parseRecoveryKey('0011-2233')).toBeNull()
    // 64 hex digits grouped some other way are a passphrase someone chose, not a key.
    expect(parseRecoveryKey(`${key.toString('hex').slice(0, 10)}-${key.toString('hex').slice(10)}`)).toBeNull()
    expect(typedKey(formatRecoveryKey(key))).toEqual({ kind: 'raw', key })
    expect(typedKey('correct horse battery staple')).toEqual({ kind: 'passphrase', passphrase: 'correct horse battery staple' })
    expect(() => newPassphraseKey(formatRecoveryKey(key))).toThrow(/form of a recovery key/)
  })
})

describe('new workspaces are created protected', () => {
  it('with a device key: encrypted on disk, reopened through the store, and its recovery key opens it anywhere', async () => {
    const test = sessionWithDeviceKeys(createSafeStorageWrapper(fakeSafeStorage('gnome_libsecret'), 'linux'))
    const file = path.join(test.dir, 'clinic.safeguard')
    await test.call('workspace.create', { path: file, organization: TEST_ORGANIZATION, protection: { kind: 'device' } })
    expect(isEncrypted(file)).toBe(true)
    expect(await test.call('security.status', {})).toMatchObject({ encrypted: true, keySource: 'device' })
    const { recoveryKey } = await test.call('security.recoveryKey', {})
    expect(recoveryKey).toMatch(/^([0-9A-F]{4}-){15}[0-9A-F]{4}$/)

    // Another machine (no key store): only the recovery key opens it.
    await test.call('workspace.close', {})
    const elsewhere = createTestSession()
    await expect(elsewhere.call('workspace.open', { path: file })).rejects.toMatchObject({ code: 'not-a-workspace' })
    const summary = await elsewhere.call('security.unlock', { path: file, passphrase: recoveryKey.toLowerCase() })
    expect(summary.organization.name).toBe(TEST_ORGANIZATION.name)
  })

  it('with a passphrase: nothing is kept on the device unless asked', async () => {
    const test = sessionWithDeviceKeys(createSafeStorageWrapper(fakeSafeStorage('gnome_libsecret'), 'linux'))
    const { store } = test
    const file = path.join(test.dir, 'clinic.safeguard')
    await test.call('workspace.create', {
      path: file,
      organization: TEST_ORGANIZATION,
      protection: { kind: 'passphrase', passphrase: 'harbor practice 2026' }
    })
    expect(isEncrypted(file)).toBe(true)
    expect(store.keyFor(file)).toBeNull()
    await expect(test.call('security.recoveryKey', {})).rejects.toMatchObject({ code: 'conflict' })
  })

  it('refuses a device key where the store is basic_text, and leaves no file and no key behind', async () => {
    const test = sessionWithDeviceKeys(createSafeStorageWrapper(fakeSafeStorage('basic_text'), 'linux'))
    const file = path.join(test.dir, 'clinic.safeguard')
    await expect(
      test.call('workspace.create', { path: file, organization: TEST_ORGANIZATION, protection: { kind: 'device' } })
    ).rejects.toMatchObject({
      code: 'unsupported',
      details: { reason: 'no-secure-storage' }
    })
    expect(fs.existsSync(file)).toBe(false)
    expect(await test.call('security.deviceKeys', {})).toMatchObject({ usable: false, reason: expect.stringMatching(/basic_text/) })
  })

  it('forgets the remembered key when the workspace cannot be created', async () => {
    const test = sessionWithDeviceKeys(createSafeStorageWrapper(fakeSafeStorage('gnome_libsecret'), 'linux'))
    const { store } = test
    const file = path.join(test.dir, 'no-such-folder', 'clinic.safeguard')
    await expect(
      test.call('workspace.create', { path: file, organization: TEST_ORGANIZATION, protection: { kind: 'device' } })
    ).rejects.toMatchObject({
      code: 'not-found'
    })
    expect(store.keyFor(file)).toBeNull()
  })
})

describe('saving the recovery key', () => {
  it('writes it to the chosen file for its owner only, and notes that it was saved', async () => {
    const test = sessionWithDeviceKeys(createSafeStorageWrapper(fakeSafeStorage('gnome_libsecret'), 'linux'))
    const { store } = test
    const file = path.join(test.dir, 'clinic.safeguard')
    await test.call('workspace.create', { path: file, organization: TEST_ORGANIZATION, protection: { kind: 'device' } })
    expect(await test.call('security.status', {})).toMatchObject({ recoveryKeySaved: false })
    const { recoveryKey } = await test.call('security.recoveryKey', {})

    // Cancelling the dialog saves nothing.
    expect(await test.call('security.saveRecoveryKey', {})).toBeNull()
    expect(store.recoveryKeySaved(file)).toBe(false)

    const target = path.join(test.dir, 'clinic recovery key.txt')
    const host = { ...headlessHost, pickSavePath: async () => target }
    expect(await test.call('security.saveRecoveryKey', {}, { host })).toEqual({ path: target })
    expect(fs.readFileSync(target, 'utf8')).toContain(recoveryKey)
    expect(fs.statSync(target).mode & 0o777).toBe(0o600)
    expect(await test.call('security.status', {})).toMatchObject({ recoveryKeySaved: true })
  })

  it('can be confirmed as kept elsewhere, and a new key needs saving again', async () => {
    const test = sessionWithDeviceKeys(createSafeStorageWrapper(fakeSafeStorage('gnome_libsecret'), 'linux'))
    await test.call('workspace.create', {
      path: path.join(test.dir, 'clinic.safeguard'),
      organization: TEST_ORGANIZATION,
      protection: { kind: 'device' }
    })
    expect(await test.call('security.confirmRecoveryKeySaved', {})).toMatchObject({ recoveryKeySaved: true })
    expect(await test.call('security.changeKey', {})).toMatchObject({ keySource: 'device', recoveryKeySaved: false })
  })

  it('is refused for a workspace with a passphrase', async () => {
    const test = await createTestWorkspace()
    await test.call('security.encrypt', { passphrase: 'a passphrase to remember' })
    await expect(test.call('security.saveRecoveryKey', {})).rejects.toMatchObject({ code: 'conflict' })
    await expect(test.call('security.confirmRecoveryKeySaved', {})).rejects.toMatchObject({ code: 'conflict' })
    expect(await test.call('security.status', {})).toMatchObject({ recoveryKeySaved: null })
  })
})

describe('changing the key of an encrypted workspace', () => {
  it('moves a device-key workspace and its backups to a passphrase, then back to a new device key', async () => {
    const test = await workspaceWithDeviceKeys(createSafeStorageWrapper(fakeSafeStorage('gnome_libsecret'), 'linux'))
    const { store } = test
    await test.call('security.encrypt', {})
    const deviceKey = connectionKey(test.session.requireWorkspace().db)
    const backup = createBackup(test.session.requireWorkspace().db, test.workspacePath, { reason: 'manual' })

    expect(await test.call('security.changeKey', { passphrase: 'a passphrase for the laptop' })).toMatchObject({
      encrypted: true,
      keySource: 'passphrase'
    })
    // The old device key opens neither the workspace nor its backup; the passphrase opens both.
    expect(store.keyFor(test.workspacePath)).toBeNull()
    expect(() => openWorkspaceDb(backup.file, { key: deviceKey })).toThrow()
    openWorkspaceDb(backup.file, { key: { kind: 'passphrase', passphrase: 'a passphrase for the laptop' } }).close()
    expect((await test.call('workspace.current', {}))?.organization.name).toBe(TEST_ORGANIZATION.name)
    await test.call('workspace.close', {})
    await test.call('security.unlock', { path: test.workspacePath, passphrase: 'a passphrase for the laptop' })

    expect(await test.call('security.changeKey', {})).toMatchObject({ encrypted: true, keySource: 'device' })
    const newKey = store.keyFor(test.workspacePath)
    expect(newKey?.kind).toBe('raw')
    expect(newKey).not.toEqual(deviceKey)
    await test.call('workspace.close', {})
    expect((await test.call('workspace.open', { path: test.workspacePath })).organization.name).toBe(TEST_ORGANIZATION.name)
  })

  it('keeps the old key working when the change fails part way', async () => {
    const test = await workspaceWithDeviceKeys(createSafeStorageWrapper(fakeSafeStorage('gnome_libsecret'), 'linux'))
    const { store } = test
    await test.call('security.encrypt', {})
    const oldKey = store.keyFor(test.workspacePath)
    // The file is moved away (another program, a sync client) just as the change starts: it must fail cleanly.
    fs.renameSync(test.workspacePath, `${test.workspacePath}.moved`)
    await expect(test.call('security.changeKey', {})).rejects.toMatchObject({ code: 'not-found' })
    fs.renameSync(`${test.workspacePath}.moved`, test.workspacePath)
    expect(store.keyFor(test.workspacePath)).toEqual(oldKey)
    expect((await test.call('workspace.open', { path: test.workspacePath })).organization.name).toBe(TEST_ORGANIZATION.name)
  })

  it('refuses to re-key a workspace that is not encrypted', async () => {
    const test = await createTestWorkspace()
    await expect(test.call('security.changeKey', { passphrase: 'some passphrase' })).rejects.toMatchObject({ code: 'conflict' })
    expect(isEncrypted(test.workspacePath)).toBe(false)
  })
})

describe("the app's key provider", () => {
  it('gives every new workspace a new device key, remembered before the file exists', () => {
    const dir = tempDir()
    const store = new WorkspaceKeyStore(path.join(dir, 'workspace-keys.json'), createSafeStorageWrapper(fakeSafeStorage('gnome_libsecret'), 'linux'))
    const provider = deviceKeyProvider(store)
    const a = provider.keyForNewWorkspace!(path.join(dir, 'a.safeguard'))
    const b = provider.keyForNewWorkspace!(path.join(dir, 'b.safeguard'))
    expect(a?.kind).toBe('raw')
    expect(a).not.toEqual(b)
    expect(provider.keyFor(path.join(dir, 'a.safeguard'))).toEqual(a)
  })

  it('creates nothing without a passphrase where the store cannot keep keys, and says a passphrase is needed', async () => {
    const dir = tempDir()
    const store = new WorkspaceKeyStore(path.join(dir, 'workspace-keys.json'), createSafeStorageWrapper(fakeSafeStorage('basic_text'), 'linux'))
    // As the app builds its session at start-up.
    const test = createTestSession({ dir, keyProvider: deviceKeyProvider(store) })
    // First start makes nothing; a new workspace is not made unencrypted without a passphrase.
    expect((await test.call('workspace.startup', {})).workspace).toBeNull()
    const organization = { name: 'First Clinic', role: 'covered-entity' } as const
    await expect(test.call('workspace.create', { organization })).rejects.toMatchObject({
      code: 'unsupported',
      details: { reason: 'passphrase-needed' }
    })
    expect(fs.readdirSync(path.join(test.dir, 'data', 'workspaces')).filter(name => name.endsWith('.safeguard'))).toEqual([])
    expect(fs.existsSync(path.join(test.dir, 'workspace-keys.json'))).toBe(false)
    // With the passphrase asked for, it is made encrypted.
    const created = await test.call('workspace.create', { organization, protection: { kind: 'passphrase', passphrase: 'first start passphrase' } })
    expect(isEncrypted(created.path)).toBe(true)
  })
})
