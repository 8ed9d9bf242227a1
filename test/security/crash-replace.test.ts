import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { opensWith } from '../../main/db/driver'
import { sqliteFileKind } from '../../main/db/file-header'
import { passphraseKey, type WorkspaceKey } from '../../main/db/workspace-key'
import { isWorkspaceLockFile } from '../../main/db/workspace-lock'
import { CRASH_AT_ENV } from '../../main/shared/crash-points'
import { createSafeStorageWrapper } from '../../main/electron/safe-storage-wrapper'
import { deviceKeyProvider } from '../../main/security/device-key-provider'
import { WorkspaceKeyStore } from '../../main/security/key-store'
import { fakeSafeStorage } from '../helpers/fake-safe-storage'
import { createTestSession, tempDir, TEST_ORGANIZATION } from '../helpers/workspace'
import { bundleChild, runChild } from './crash/run-child'

// A name that must never be found in clear in any file beside an encrypted workspace.
const MARKER = 'Zebracorn Marker Clinic 7731'

let child: Awaited<ReturnType<typeof bundleChild>>
beforeAll(async () => {
  child = await bundleChild()
}, 60_000)
afterAll(() => child?.remove())

const opens = (file: string, key: WorkspaceKey | null): boolean => opensWith(file, key)

/** Everything in the workspace's folder and backup folder but the workspace itself and its lock file. */
function filesBeside(workspace: string): string[] {
  const folder = path.dirname(workspace)
  const backups = `${workspace}.backups`
  return [
    ...fs.readdirSync(folder).map(name => path.join(folder, name)),
    ...(fs.existsSync(backups) ? fs.readdirSync(backups).map(name => path.join(backups, name)) : [])
  ].filter(file => fs.statSync(file).isFile() && file !== workspace && !isWorkspaceLockFile(path.basename(file)))
}

function deviceStore(dir: string): WorkspaceKeyStore {
  return new WorkspaceKeyStore(path.join(dir, 'workspace-keys.json'), createSafeStorageWrapper(fakeSafeStorage('gnome_libsecret'), 'linux'))
}

describe('the app killed while it gives a workspace a new device key', () => {
  // Each point is a moment where today's app (or the one before this change) could be killed; the first is where
  // the key store used to hold only the new key while the file still had the old one.
  for (const point of ['rekey-before-rename', 'rekey-after-rename', 'change-key-before-store']) {
    it(`at ${point}: the next start opens the workspace and keeps only the key that opens it`, { timeout: 120_000 }, async () => {
      const dir = tempDir()
      const store = deviceStore(dir)
      const workspace = path.join(dir, 'clinic.safeguard')
      const app = createTestSession({ dir, keyProvider: deviceKeyProvider(store), deviceKeyStore: store })
      await app.call('workspace.create', { path: workspace, organization: TEST_ORGANIZATION, protection: { kind: 'device' } })
      await app.call('workspace.close', {})
      const oldKey = store.keyFor(workspace)!

      const run = await runChild(child.script, ['change-key', workspace], { SAFEGUARD_TEST_KEY_STORE: store.filePath, [CRASH_AT_ENV]: point })
      expect(run.signal, run.stderr).toBe('SIGKILL')

      // The next start of the app, on the same key store.
      const restarted = createTestSession({ dir, keyProvider: deviceKeyProvider(store), deviceKeyStore: store })
      expect((await restarted.call('workspace.open', { path: workspace })).organization.name).toBe(TEST_ORGANIZATION.name)
      const kept = store.keyFor(workspace)!
      expect(opens(workspace, kept)).toBe(true)
      expect(JSON.parse(fs.readFileSync(store.filePath, 'utf8')).keys[0].pending).toBeUndefined()
      // Killed before the rename the file keeps its old key; after it, the new one.
      expect(kept.kind === 'raw' && oldKey.kind === 'raw' && kept.key.equals(oldKey.key)).toBe(point === 'rekey-before-rename')
      // What the killed change left beside the workspace went with the next open.
      expect(filesBeside(workspace).filter(file => /rekeying/.test(file))).toEqual([])
    })
  }

  it('without a crash, changes the key and keeps only the new one', { timeout: 60_000 }, async () => {
    const dir = tempDir()
    const store = deviceStore(dir)
    const workspace = path.join(dir, 'clinic.safeguard')
    const app = createTestSession({ dir, keyProvider: deviceKeyProvider(store), deviceKeyStore: store })
    await app.call('workspace.create', { path: workspace, organization: TEST_ORGANIZATION, protection: { kind: 'device' } })
    await app.call('workspace.close', {})
    const oldKey = store.keyFor(workspace)!
    const run = await runChild(child.script, ['change-key', workspace], { SAFEGUARD_TEST_KEY_STORE: store.filePath })
    expect(run.code, run.stderr).toBe(0)
    expect(opens(workspace, oldKey)).toBe(false)
    expect(opens(workspace, store.keyFor(workspace))).toBe(true)
  })
})

/** An unencrypted workspace named MARKER with one backup, and a child killed at `point` while encrypting it. */
async function encryptKilledAt(point: string) {
  const dir = tempDir()
  const workspace = path.join(dir, 'clinic.safeguard')
  const app = createTestSession({ dir })
  await app.call('workspace.create', { path: workspace, organization: { ...TEST_ORGANIZATION, name: MARKER } })
  await app.call('backup.create', {})
  await app.call('workspace.close', {})
  const passphrase = 'a long enough passphrase'
  const killed = await runChild(child.script, ['encrypt', workspace], { SAFEGUARD_TEST_PASSPHRASE: passphrase, [CRASH_AT_ENV]: point })
  return { dir, workspace, app, passphrase, killed }
}

describe('a program killed while it encrypts or restores a workspace', () => {
  it('never left the workspace in clear beside it, and the next open removes what it left', { timeout: 120_000 }, async () => {
    const { dir, workspace, app, passphrase, killed } = await encryptKilledAt('encrypt-before-rename')
    expect(killed.signal, killed.stderr).toBe('SIGKILL')
    const leftovers = filesBeside(workspace).filter(file => /\.encrypting-/.test(file))
    expect(leftovers.length).toBeGreaterThan(0)
    for (const file of leftovers) {
      expect(fs.readFileSync(file).includes(MARKER), `${file} holds the clinic's name in clear`).toBe(false)
      if (!/-(journal|wal|shm)$/.test(file)) expect(sqliteFileKind(file), file).toBe('opaque')
    }
    // The workspace itself was not touched: still unencrypted, and it opens; opening it removes the leftovers.
    expect(sqliteFileKind(workspace)).toBe('plain')
    await app.call('workspace.open', { path: workspace })
    expect(filesBeside(workspace).filter(file => /\.encrypting-/.test(file))).toEqual([])
    await app.call('workspace.close', {})

    // Encrypted for real this time; nothing in the folder holds the name in clear.
    const done = await runChild(child.script, ['encrypt', workspace], { SAFEGUARD_TEST_PASSPHRASE: passphrase })
    expect(done.code, done.stderr).toBe(0)
    for (const file of [workspace, ...filesBeside(workspace)]) expect(fs.readFileSync(file).includes(MARKER), file).toBe(false)

    // A restore killed just before its swap leaves a copy that opens with the workspace's key: the next open removes it.
    const key = passphraseKey(passphrase)
    const backups = fs.readdirSync(`${workspace}.backups`).filter(name => name.endsWith('.safeguard'))
    expect(backups.length).toBeGreaterThan(0)
    const restoring = await runChild(child.script, ['restore', workspace, path.join(`${workspace}.backups`, backups[0]!)], {
      SAFEGUARD_TEST_PASSPHRASE: passphrase,
      SAFEGUARD_TEST_OPEN_PASSPHRASE: passphrase,
      [CRASH_AT_ENV]: 'restore-before-rename'
    })
    expect(restoring.signal, restoring.stderr).toBe('SIGKILL')
    const copies = filesBeside(workspace).filter(file => /\.restoring-[0-9a-f]+$/.test(file))
    expect(copies.length).toBe(1)
    expect(opens(copies[0]!, key)).toBe(true)
    const reopened = createTestSession({ dir, keyProvider: { keyFor: () => key } })
    await reopened.call('workspace.open', { path: workspace })
    expect(filesBeside(workspace).filter(file => /\.restoring-/.test(file))).toEqual([])
  })
})

describe('a program killed between encrypting a workspace and its backups', () => {
  it('has the encryption finished the next time the workspace is opened: no backup stays in clear', { timeout: 120_000 }, async () => {
    const { dir, workspace, passphrase, killed } = await encryptKilledAt('encrypt-before-backups')
    expect(killed.signal, killed.stderr).toBe('SIGKILL')
    expect(sqliteFileKind(workspace)).toBe('opaque')
    const backups = fs.readdirSync(`${workspace}.backups`).map(name => path.join(`${workspace}.backups`, name))
    expect(backups.some(file => sqliteFileKind(file) === 'plain')).toBe(true)

    const reopened = createTestSession({ dir, keyProvider: { keyFor: () => passphraseKey(passphrase) } })
    await reopened.call('workspace.open', { path: workspace })
    for (const file of [workspace, ...filesBeside(workspace)]) expect(fs.readFileSync(file).includes(MARKER), file).toBe(false)
    expect(backups.every(file => sqliteFileKind(file) === 'opaque')).toBe(true)
  })
})
