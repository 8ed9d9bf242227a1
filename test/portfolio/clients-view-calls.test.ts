// The Clients view's calls: folders kept in the app's settings, a passphrase client unlocked for its summary (kept
// encrypted, never in clear, marked stale when its file changes or the reading is old), and one calendar across clients.

import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { headlessHost } from '../../main/api/host'
import { connect } from '../../main/db/driver'
import { LATEST_SCHEMA_VERSION } from '../../main/db/migrations'
import { createSafeStorageWrapper } from '../../main/electron/safe-storage-wrapper'
import type { LockedWorkspace, WorkspaceSummaryEntry } from '../../main/portfolio/contract'
import { SUMMARY_CACHE_NAME } from '../../main/portfolio/summary-cache'
import { readAppSettings } from '../../main/workspace/app-settings'
import { fakeSafeStorage, sessionWithDeviceKeys } from '../helpers/device-keys'
import { createTestSession, tempDir, TEST_ORGANIZATION } from '../helpers/workspace'

const AS_OF = '2026-04-01'
const PASSPHRASE = 'quiet harbour 2031'
const incidentFixture = path.resolve(__dirname, '../fixtures/breach/incident-large-covered-entity.json')

const wrapper = () => createSafeStorageWrapper(fakeSafeStorage('gnome_libsecret'), 'linux')

/** A consultant's computer with three clients in one folder: one kept by this computer's key, one by a passphrase, one in clear with a breach. */
async function consultant() {
  const app = sessionWithDeviceKeys(wrapper())
  const folder = tempDir()
  const file = (name: string) => path.join(folder, `${name}.safeguard`)
  await app.call('workspace.create', {
    path: file('bayside'),
    organization: { ...TEST_ORGANIZATION, name: 'Bayside Clinic' },
    protection: { kind: 'device' }
  })
  await app.call('baas.create', { associate: { name: 'Contoso Imaging', baaStatus: 'signed', effectiveOn: '2025-05-01', expiresOn: '2026-05-01' } })
  await app.call('workspace.create', {
    path: file('lakeside'),
    organization: { ...TEST_ORGANIZATION, name: 'Lakeside Dental' },
    protection: { kind: 'passphrase', passphrase: PASSPHRASE }
  })
  await app.call('baas.create', { associate: { name: 'Northwind Billing', baaStatus: 'signed', effectiveOn: '2025-06-01', expiresOn: '2026-06-01' } })
  await app.call('workspace.create', { path: file('harbor'), organization: TEST_ORGANIZATION, protection: { kind: 'none' } })
  await app.call('incidents.create', { incident: JSON.parse(fs.readFileSync(incidentFixture, 'utf8')) })
  await app.call('workspace.close', {})
  const dataDir = app.session.dataDir!
  return { ...app, folder, file, dataDir }
}

const named = (entries: readonly { path: string }[], name: string) => entries.find(entry => path.basename(entry.path) === `${name}.safeguard`)

/** Every byte under `dir`, as text, to look for what must never be there in clear. */
const allBytes = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile())
    .map(entry => fs.readFileSync(path.join(entry.parentPath, entry.name)).toString('latin1'))
    .join('\n')

describe('the Clients view calls', () => {
  it('keeps the chosen folder for the next start, and forgets it when removed', async () => {
    const app = await consultant()
    // Beside them a workspace cut short (damaged) and one from a newer Safeguard: the others are still read.
    fs.writeFileSync(app.file('cut-short'), fs.readFileSync(app.file('harbor')).subarray(0, 8192))
    fs.copyFileSync(app.file('harbor'), app.file('future'))
    const future = connect(app.file('future'))
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    future.close()
    const host = { ...headlessHost, pickDirectory: async () => app.folder }
    const view = await app.call('portfolio.summary', { chooseFolder: true, includeRecent: false, asOf: AS_OF }, { host })
    expect(view?.folders).toEqual([app.folder])
    expect(readAppSettings(app.dataDir).clientFolders).toEqual([app.folder])

    // The next start of the app: the folder comes from the settings, no folder named by the window.
    const restarted = createTestSession({ dataDir: app.dataDir, deviceKeyStore: app.store, keyProvider: { keyFor: file => app.store.keyFor(file) } })
    const again = await restarted.call('portfolio.summary', { includeRecent: false, asOf: AS_OF })
    expect(again?.entries.map(entry => ('organization' in entry ? entry.organization : path.basename(entry.path)))).toEqual([
      'Bayside Clinic',
      'cut-short.safeguard',
      'future.safeguard',
      'Harbor Family Practice',
      'lakeside.safeguard'
    ])
    expect(named(again!.entries, 'bayside')).toMatchObject({ locked: false, protection: 'device-key' })
    expect(named(again!.entries, 'harbor')).toMatchObject({ locked: false, protection: 'not-encrypted' })
    expect(named(again!.entries, 'lakeside')).toMatchObject({ locked: true })
    expect(named(again!.entries, 'cut-short')).toMatchObject({ error: 'damaged' })
    expect(named(again!.entries, 'future')).toMatchObject({ error: 'too-new', message: expect.stringContaining('newer version') })

    expect(await restarted.call('portfolio.removeFolder', { folder: app.folder })).toEqual([])
    expect((await restarted.call('portfolio.summary', { includeRecent: false }))?.entries).toEqual([])
  })

  it('unlocks a passphrase client for its summary, kept encrypted with the date read, and marks it stale when the file changes or the reading is old', async () => {
    const app = await consultant()
    const source = { folders: [app.folder], includeRecent: false, asOf: AS_OF }
    const before = await app.call('portfolio.summary', source)
    expect(named(before!.entries, 'lakeside')).toMatchObject({ locked: true })
    expect(named(before!.entries, 'lakeside')).not.toHaveProperty('cached')

    await expect(app.call('portfolio.unlock', { path: app.file('lakeside'), passphrase: 'not the passphrase', asOf: AS_OF })).rejects.toMatchObject({
      code: 'invalid-input',
      details: { reason: 'wrong-passphrase' }
    })
    expect(fs.existsSync(path.join(app.dataDir, SUMMARY_CACHE_NAME))).toBe(false)

    const unlocked = await app.call('portfolio.unlock', { path: app.file('lakeside'), passphrase: PASSPHRASE, asOf: AS_OF })
    expect(unlocked).toMatchObject({
      summary: { organization: 'Lakeside Dental', protection: 'passphrase', expiringAgreements: 1 },
      notSavedReason: null
    })

    // On disk: the summary only sealed (its cache and the key store that keeps its key), and the passphrase nowhere.
    const sealed = [path.join(app.dataDir, SUMMARY_CACHE_NAME), app.store.filePath].map(file => fs.readFileSync(file).toString('latin1')).join('\n')
    for (const secret of ['Lakeside Dental', 'Northwind', PASSPHRASE, 'expiringAgreements', 'organization']) expect(sealed).not.toContain(secret)
    expect(allBytes(app.dataDir)).not.toContain(PASSPHRASE)
    expect(app.store.keyFor(path.join(app.dataDir, SUMMARY_CACHE_NAME))).toMatchObject({ kind: 'raw' })

    const after = await app.call('portfolio.summary', source)
    const locked = named(after!.entries, 'lakeside') as LockedWorkspace
    expect(locked.locked).toBe(true)
    expect(locked.cached).toEqual({ summary: unlocked.summary, readAt: unlocked.readAt, asOf: AS_OF, stale: null })

    const later = await app.call('portfolio.summary', { ...source, asOf: '2026-06-15' })
    expect((named(later!.entries, 'lakeside') as LockedWorkspace).cached?.stale).toBe('old')

    // The client's file changes (a new answer, written with its passphrase elsewhere): the saved summary is stale.
    const elsewhere = createTestSession()
    await elsewhere.call('security.unlock', { path: app.file('lakeside'), passphrase: PASSPHRASE, rememberOnDevice: false })
    await elsewhere.call('assessment.setAnswer', { questionId: 'q-308-a2-1', value: 'yes' })
    await elsewhere.call('workspace.close', {})
    const changed = await app.call('portfolio.summary', source)
    expect((named(changed!.entries, 'lakeside') as LockedWorkspace).cached?.stale).toBe('changed')

    // The folder removed from the view: its clients' saved summaries go with it (the recent list forgotten first, as it
    // would still show them).
    for (const name of ['bayside', 'lakeside', 'harbor']) await app.call('workspace.forgetRecent', { path: app.file(name) })
    await app.call(
      'portfolio.summary',
      { chooseFolder: true, includeRecent: false },
      { host: { ...headlessHost, pickDirectory: async () => app.folder } }
    )
    await app.call('portfolio.removeFolder', { folder: app.folder })
    const forgotten = await app.call('portfolio.summary', source)
    expect(named(forgotten!.entries, 'lakeside')).not.toHaveProperty('cached')
    expect(forgotten?.cacheProblem).toBeNull()
  })

  it('ignores an altered cache, and one the key store cannot decrypt, saying why', async () => {
    const app = await consultant()
    const source = { folders: [app.folder], includeRecent: false, asOf: AS_OF }
    await app.call('portfolio.unlock', { path: app.file('lakeside'), passphrase: PASSPHRASE, asOf: AS_OF })
    const cacheFile = path.join(app.dataDir, SUMMARY_CACHE_NAME)
    const sealed = fs.readFileSync(cacheFile)

    const altered = Buffer.from(sealed)
    altered[altered.length - 3]! ^= 0x01
    fs.writeFileSync(cacheFile, altered)
    const tampered = await app.call('portfolio.summary', source)
    expect(tampered?.cacheProblem).toMatch(/altered or damaged/)
    expect(named(tampered!.entries, 'lakeside')).not.toHaveProperty('cached')

    // Another computer's key store (or one reset): the same sealed file does not open.
    fs.writeFileSync(cacheFile, sealed)
    const other = createTestSession({ dataDir: app.dataDir, deviceKeyStore: app.store })
    app.store.forget(cacheFile)
    const foreign = await other.call('portfolio.summary', source)
    expect(foreign?.cacheProblem).toMatch(/cannot be decrypted/)
    expect(named(foreign!.entries, 'lakeside')).not.toHaveProperty('cached')

    // The next unlock replaces it with one this computer reads.
    await other.call('portfolio.unlock', { path: app.file('lakeside'), passphrase: PASSPHRASE, asOf: AS_OF })
    const replaced = await other.call('portfolio.summary', source)
    expect(replaced?.cacheProblem).toBeNull()
    expect((named(replaced!.entries, 'lakeside') as LockedWorkspace).cached?.summary.organization).toBe('Lakeside Dental')
  })

  it('without a key store that keeps secrets, unlock shows the summary and says it was not saved', async () => {
    const app = sessionWithDeviceKeys(createSafeStorageWrapper(fakeSafeStorage('basic_text'), 'linux'))
    const file = path.join(tempDir(), 'lakeside.safeguard')
    await app.call('workspace.create', {
      path: file,
      organization: { ...TEST_ORGANIZATION, name: 'Lakeside Dental' },
      protection: { kind: 'passphrase', passphrase: PASSPHRASE }
    })
    await app.call('workspace.close', {})
    const unlocked = await app.call('portfolio.unlock', { path: file, passphrase: PASSPHRASE })
    expect(unlocked.summary.organization).toBe('Lakeside Dental')
    expect(unlocked.notSavedReason).toMatch(/basic_text/)
    expect(fs.existsSync(path.join(app.session.dataDir!, SUMMARY_CACHE_NAME))).toBe(false)
  })

  it('lists every readable client’s open deadlines in one calendar named by client, breach notices first, and exports it', async () => {
    const app = await consultant()
    const source = { folders: [app.folder], includeRecent: false, asOf: AS_OF }
    const calendar = await app.call('portfolio.calendar', source)
    const clients = new Set(calendar.entries.map(entry => entry.client))
    expect(clients).toEqual(new Set(['Bayside Clinic', 'Harbor Family Practice']))
    expect(calendar.leftOut).toEqual([{ path: app.file('lakeside'), why: expect.stringContaining('Encrypted') }])
    const firstOther = calendar.entries.findIndex(entry => !entry.breachNotice)
    expect(calendar.entries.slice(0, firstOther).length).toBeGreaterThan(0)
    expect(calendar.entries.slice(0, firstOther).every(entry => entry.client === 'Harbor Family Practice')).toBe(true)
    expect(calendar.entries.slice(firstOther).some(entry => entry.breachNotice)).toBe(false)
    const rest = calendar.entries.slice(firstOther)
    const overdue = rest.filter(entry => entry.status === 'overdue').length
    expect(rest.slice(0, overdue).every(entry => entry.daysLeft < 0)).toBe(true)
    expect(new Set(calendar.entries.map(entry => entry.uid)).size).toBe(calendar.entries.length)

    const target = path.join(tempDir(), 'clients.ics')
    const written = await app.call('portfolio.exportCalendar', { ...source, path: target })
    const summaries = [...fs.readFileSync(target, 'utf8').matchAll(/^SUMMARY:(.*)$/gm)].map(match => match[1]!)
    expect(written).toEqual({ path: target, events: summaries.length })
    expect(summaries.every(summary => /^(Bayside Clinic|Harbor Family Practice): /.test(summary))).toBe(true)
    expect(summaries.some(summary => summary.startsWith('Bayside Clinic: '))).toBe(true)
    expect(await app.call('portfolio.exportCalendar', source)).toBeNull()

    // Once unlocked, a locked client's saved next deadline comes with it (its other deadlines are not kept).
    const unlocked = await app.call('portfolio.unlock', { path: app.file('lakeside'), passphrase: PASSPHRASE, asOf: AS_OF })
    const withSaved = await app.call('portfolio.calendar', source)
    expect(withSaved.entries).toEqual(calendar.entries)
    expect(withSaved.leftOut).toEqual([
      {
        path: app.file('lakeside'),
        why: expect.stringContaining('Encrypted'),
        saved: { summary: unlocked.summary, readAt: unlocked.readAt, asOf: AS_OF, stale: null }
      }
    ])
    expect(unlocked.summary.nextDeadline?.title).toContain('Northwind Billing')
  })

  it('offers a new client’s file in the chosen folder, for workspace.create', async () => {
    const app = await consultant()
    let offered = ''
    const host = {
      ...headlessHost,
      pickSavePath: async (options: { defaultName: string }) => {
        offered = options.defaultName
        return path.join(app.folder, 'Riverside')
      }
    }
    const chosen = await app.call('portfolio.chooseNewClientPath', { folder: app.folder, suggestedName: 'Riverside Pediatrics' }, { host })
    expect(offered).toBe(path.join(app.folder, 'Riverside-Pediatrics.safeguard'))
    expect(chosen).toBe(path.join(app.folder, 'Riverside.safeguard'))
    const created = await app.call('workspace.create', { path: chosen!, organization: { ...TEST_ORGANIZATION, name: 'Riverside Pediatrics' } })
    expect(created.path).toBe(chosen)
    const view = await app.call('portfolio.summary', { folders: [app.folder], includeRecent: false, asOf: AS_OF })
    expect(view?.entries.filter((entry): entry is WorkspaceSummaryEntry => 'organization' in entry).map(entry => entry.organization)).toContain(
      'Riverside Pediatrics'
    )
  })
})
