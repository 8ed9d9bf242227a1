import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCallContext } from '../../main/api/call-context'
import { callHandler } from '../../main/api/dispatch'
import { headlessHost, type Host } from '../../main/api/host'
import { saveDialogOutputPaths } from '../../main/api/output-paths'
import { sqliteFileKind } from '../../main/db/file-header'
import { createSafeStorageWrapper } from '../../main/electron/safe-storage-wrapper'
import { WorkspaceKeyStore } from '../../main/security/key-store'
import { readAppSettings } from '../../main/workspace/app-settings'
import type { OrganizationProfile } from '../../main/workspace/contract'
import type { Session } from '../../main/workspace/session'
import { createWorkspace } from '../../main/workspace/workspace-files'
import { fakeSafeStorage, sessionWithDeviceKeys } from '../helpers/device-keys'
import { createTestSession, tempDir, TEST_ORGANIZATION } from '../helpers/workspace'

/** The profile older versions gave the default workspace they made at first start. */
const UNNAMED: OrganizationProfile = {
  name: 'My organisation',
  role: 'covered-entity',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  cloudProvider: 'aws'
}

/** A default workspace as an older version's first start made it (encrypted with a device key when the session keeps keys). */
function olderDefault(session: Session): string {
  const file = session.defaultWorkspacePath()
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const key = session.deviceKeyStore ? WorkspaceKeyStore.randomKey() : null
  if (key) session.deviceKeyStore!.remember(file, key)
  createWorkspace(file, UNNAMED, { ...session.openChoices, now: session.now(), profileComplete: false, key }).close()
  session.recent?.remember({ path: file, organizationName: UNNAMED.name, lastOpenedAt: session.now() })
  return file
}

describe('first start', () => {
  it('makes the Clients view home for a consultant, or once more than one workspace is known', async () => {
    const test = createTestSession()
    await test.call('workspace.create', { organization: TEST_ORGANIZATION })
    await test.call('workspace.close', {})
    expect((await test.call('workspace.startup', {})).home).toBe('dashboard')
    await test.call('workspace.create', { organization: { name: 'Second Clinic', role: 'covered-entity' } })
    await test.call('workspace.close', {})
    expect((await test.call('workspace.startup', {})).home).toBe('clients')

    const consultant = createTestSession()
    await consultant.call('app.setUsage', { usage: 'consultant' })
    // Confirmed, the default folder is made, so the Clients view reads it as empty rather than missing.
    expect(fs.readdirSync(path.join(consultant.dir, 'data', 'workspaces'))).toEqual([])
    expect(await consultant.call('workspace.startup', {})).toEqual({ workspace: null, usage: 'consultant', home: 'clients' })
  })

  it("remembers a consultant's folder from the folder dialog, makes new workspaces there, and counts the workspaces in it", async () => {
    const test = createTestSession()
    const folder = path.join(test.dir, 'Clients')
    fs.mkdirSync(folder)
    const picking: Host = { ...headlessHost, pickDirectory: async () => folder }
    const rendererContext = createCallContext(test.session, { host: picking, outputPaths: saveDialogOutputPaths() })
    // The window may not name a folder the dialog did not give it.
    await expect(callHandler('app.setUsage', { usage: 'consultant', workspaceFolder: folder }, rendererContext)).rejects.toMatchObject({
      details: { reason: 'output-path-not-from-dialog' }
    })
    expect(fs.existsSync(test.session.dataDir!)).toBe(false)
    expect(await callHandler('app.chooseWorkspaceFolder', {}, rendererContext)).toBe(folder)
    const settings = await callHandler('app.setUsage', { usage: 'consultant', workspaceFolder: folder }, rendererContext)
    expect(settings).toMatchObject({ usage: 'consultant', newWorkspaceFolder: folder, clientFolders: [folder] })
    expect(readAppSettings(test.session.dataDir!)).toEqual({ usage: 'consultant', newWorkspaceFolder: folder, clientFolders: [folder] })

    const created = await test.call('workspace.create', { organization: TEST_ORGANIZATION })
    expect(path.dirname(created.path)).toBe(folder)
    // Another client's file copied into the folder (never opened here) counts as a known workspace too.
    fs.copyFileSync(created.path, path.join(folder, 'Copied.safeguard'))
    fs.rmSync(path.join(test.session.dataDir!, 'recent-workspaces.json'))
    await test.call('app.setUsage', { usage: 'own-organization' })
    expect((await test.call('workspace.startup', {})).home).toBe('clients')

    // The chosen folder gone (a drive not connected): a new workspace is refused with why, not made elsewhere.
    await test.call('workspace.close', {})
    fs.rmSync(folder, { recursive: true })
    await expect(test.call('workspace.create', { organization: TEST_ORGANIZATION })).rejects.toThrow(/is not there/)
  })

  it('removes an untouched unnamed default (encrypted by this computer) once a real workspace exists, with its kept key', async () => {
    const test = sessionWithDeviceKeys(createSafeStorageWrapper(fakeSafeStorage('gnome_libsecret'), 'linux'))
    const unnamed = olderDefault(test.session)
    expect(sqliteFileKind(unnamed)).toBe('opaque')
    const clinic = await test.call('workspace.create', { organization: TEST_ORGANIZATION, protection: { kind: 'device' } })
    expect(fs.existsSync(unnamed)).toBe(false)
    expect(test.store.keyFor(unnamed)).toBeNull()
    expect(test.store.keyFor(clinic.path)).not.toBeNull()
    expect((await test.call('workspace.listRecent', {})).map(entry => entry.organizationName)).toEqual([TEST_ORGANIZATION.name])
  })

  it('keeps an unnamed default that holds a record, or that it cannot read, or has backups, and lists it', async () => {
    const withRecord = createTestSession()
    const unnamed = olderDefault(withRecord.session)
    await withRecord.call('workspace.startup', {})
    await withRecord.call('assessment.startNextPeriod', {})
    await withRecord.call('workspace.create', { organization: TEST_ORGANIZATION })
    expect(fs.existsSync(unnamed)).toBe(true)
    expect((await withRecord.call('workspace.listRecent', {})).map(entry => entry.path)).toContain(unnamed)

    // Encrypted with a key this computer does not keep: not provably empty.
    const locked = createTestSession()
    const lockedFile = locked.session.defaultWorkspacePath()
    fs.mkdirSync(path.dirname(lockedFile), { recursive: true })
    createWorkspace(lockedFile, UNNAMED, { now: locked.session.now(), profileComplete: false, key: WorkspaceKeyStore.randomKey() }).close()
    await locked.call('workspace.create', { organization: TEST_ORGANIZATION })
    expect(fs.existsSync(lockedFile)).toBe(true)

    const backedUp = createTestSession()
    const backedUpFile = olderDefault(backedUp.session)
    fs.mkdirSync(`${backedUpFile}.backups`)
    fs.writeFileSync(path.join(`${backedUpFile}.backups`, 'before-import.safeguard'), 'a backup')
    await backedUp.call('workspace.create', { organization: TEST_ORGANIZATION })
    expect(fs.existsSync(backedUpFile)).toBe(true)
  })

  it('opens an untouched default when it is the only workspace, and keeps it while it is open', async () => {
    const dir = tempDir()
    const test = createTestSession({ dir })
    const unnamed = olderDefault(test.session)
    const started = await test.call('workspace.startup', {})
    expect(started.workspace).toMatchObject({ path: unnamed, profileComplete: false })
    expect(started.home).toBe('dashboard')
    expect(fs.existsSync(unnamed)).toBe(true)
  })
})

describe('startup with the last workspace locked', () => {
  it('asks for the last workspace when it needs a passphrase and there is no default to fall back to', async () => {
    const test = createTestSession()
    const locked = await test.call('workspace.create', {
      organization: TEST_ORGANIZATION,
      protection: { kind: 'passphrase', passphrase: 'a long passphrase 1', rememberOnDevice: false }
    })
    test.session.close()
    const later = createTestSession({ dataDir: test.session.dataDir! })
    await expect(later.call('workspace.startup', {})).rejects.toMatchObject({ details: { reason: 'encrypted', path: locked.path } })
  })
})
