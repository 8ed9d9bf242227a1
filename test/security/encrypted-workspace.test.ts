import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { createBackup } from '../../main/backup/backup'
import { listBackupFiles } from '../../main/backup/backup-files'
import { assertCipherActive, cipherLibraryVersion, connectionKey, type Db } from '../../main/db/driver'
import { openWorkspaceDb } from '../../main/db/open'
import { encryptWorkspace } from '../../main/security/encrypt-workspace'
import type { WorkspaceKeyProvider } from '../../main/db/key-provider'
import { passphraseKey, rawKey, type WorkspaceKey } from '../../main/db/workspace-key'
import { canonicalDigest } from '../backup/canonical'
import { createTestSession, createTestWorkspace, TEST_ORGANIZATION } from '../helpers/workspace'

const SENTINEL = 'SENTINEL-Harbor-9f27c1e0'
const PASSPHRASE = passphraseKey('correct horse battery staple')

/** How often the sentinel appears in a file, as UTF-8 or UTF-16 (SQLite can store either). */
function occurrences(file: string): number {
  if (!fs.existsSync(file)) return 0
  const bytes = fs.readFileSync(file)
  let count = 0
  for (const needle of [Buffer.from(SENTINEL, 'utf8'), Buffer.from(SENTINEL, 'utf16le')]) {
    for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) count += 1
  }
  return count
}

function header(file: string): string {
  return fs.readFileSync(file).subarray(0, 16).toString('latin1')
}

/**
 * Every file in `dir` and below, except the app's own data folder: its recent
 * list names the organisation of each recent workspace in clear, which is the
 * app's state (main/workspace/recent-store.ts), not the workspace's content.
 */
function allFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile())
    .map(entry => path.join(entry.parentPath, entry.name))
    .filter(file => !file.endsWith(path.join('data', 'recent-workspaces.json')))
}

/** A key provider that gives `key` for every workspace, new ones included. */
function keysAlways(key: WorkspaceKey): WorkspaceKeyProvider {
  return { keyFor: () => key, keyForNewWorkspace: () => key }
}

async function encryptedWorkspace(key: WorkspaceKey = PASSPHRASE) {
  const test = await createTestWorkspace({ keyProvider: keysAlways(key) })
  await test.call('workspace.updateProfile', { organization: { ...TEST_ORGANIZATION, name: SENTINEL, contactName: SENTINEL } })
  return { ...test, db: (): Db => test.session.requireWorkspace().db }
}

function connectionPragmas(db: Db) {
  return {
    journal: db.pragma('journal_mode', { simple: true }),
    synchronous: db.pragma('synchronous', { simple: true }),
    foreignKeys: db.pragma('foreign_keys', { simple: true })
  }
}

describe('encrypted workspaces', () => {
  it('never write the data in clear: not in the file, the WAL, or a backup', async () => {
    const test = await encryptedWorkspace()
    const backup = createBackup(test.db(), test.workspacePath)
    // While open, recent writes sit in the -wal file: it must be encrypted too.
    expect(fs.existsSync(`${test.workspacePath}-wal`)).toBe(true)
    expect(occurrences(`${test.workspacePath}-wal`)).toBe(0)
    for (const file of allFiles(test.dir)) expect(occurrences(file), file).toBe(0)
    expect(header(test.workspacePath)).not.toBe('SQLite format 3\0')
    expect(header(backup.file)).not.toBe('SQLite format 3\0')
    // The sentinel is really there for whoever has the key.
    expect((await test.call('workspace.current', {}))?.organization.name).toBe(SENTINEL)
    await test.call('workspace.close', {})
    for (const file of allFiles(test.dir)) expect(occurrences(file), file).toBe(0)
  })

  it('keep temporary tables and sort files in memory, where they cannot leak to the temp folder', async () => {
    const test = await encryptedWorkspace()
    expect(test.db().pragma('temp_store', { simple: true })).toBe(2)
  })

  it('set WAL, synchronous=FULL and foreign keys on every open', async () => {
    const test = await encryptedWorkspace()
    await test.call('workspace.close', {})
    const db = openWorkspaceDb(test.workspacePath, { key: PASSPHRASE })
    expect(connectionPragmas(db)).toEqual({ journal: 'wal', synchronous: 2, foreignKeys: 1 })
    db.close()
  })

  it('refuse to open without the key, or with a wrong one, and say so', async () => {
    const test = await encryptedWorkspace()
    await test.call('workspace.close', {})
    const before = fs.readFileSync(test.workspacePath)
    expect(() => openWorkspaceDb(test.workspacePath)).toThrow(/is an encrypted workspace .*give its passphrase or recovery key/)
    // A session without the key provider, as on another computer.
    const keyless = createTestSession()
    await expect(keyless.call('workspace.open', { path: test.workspacePath })).rejects.toMatchObject({
      code: 'not-a-workspace',
      details: { reason: 'encrypted' }
    })
    expect(() => openWorkspaceDb(test.workspacePath, { key: passphraseKey('wrong') })).toThrow(/does not unlock/)
    try {
      openWorkspaceDb(test.workspacePath, { key: passphraseKey('wrong') })
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid-input', details: { reason: 'wrong-passphrase' } })
    }
    // Plain SQLite sees no database at all.
    const plain = new Database(test.workspacePath, { fileMustExist: true })
    expect(() => plain.pragma('user_version')).toThrow(expect.objectContaining({ code: 'SQLITE_NOTADB' }))
    plain.close()
    expect(fs.readFileSync(test.workspacePath).equals(before)).toBe(true)
  })

  it('refuse a key for a file whose header is plain SQLite (fail closed)', async () => {
    const test = await createTestWorkspace()
    await test.call('workspace.close', {})
    expect(() => openWorkspaceDb(test.workspacePath, { key: PASSPHRASE })).toThrow(/is not encrypted/)
  })

  it('fail closed when SQLite has no cipher support or ignores the settings', () => {
    expect(cipherLibraryVersion()).toMatch(/^SQLite3 Multiple Ciphers \d/)
    const configured = { pragma: () => 'sqlcipher' }
    expect(() => assertCipherActive(configured as never, null)).toThrow(/cannot encrypt/)
    expect(() => assertCipherActive(configured as never, 'SQLite3 Multiple Ciphers 2.3.5')).not.toThrow()
    const ignoresSettings = { pragma: () => 'chacha20' }
    expect(() => assertCipherActive(ignoresSettings as never, 'SQLite3 Multiple Ciphers 2.3.5')).toThrow(/did not accept the cipher settings/)
  })

  it("work with the app's random 32-byte raw key, and only that key", async () => {
    const key = rawKey(Buffer.alloc(32, 7))
    const test = await encryptedWorkspace(key)
    expect(connectionKey(test.db())).toEqual(key)
    await test.call('workspace.close', {})
    expect(occurrences(test.workspacePath)).toBe(0)
    openWorkspaceDb(test.workspacePath, { key }).close()
    expect(() => openWorkspaceDb(test.workspacePath, { key: rawKey(Buffer.alloc(32, 8)) })).toThrow(/does not unlock/)
    expect(() => rawKey(Buffer.alloc(16))).toThrow(/32 bytes/)
    expect(() => passphraseKey("x'00'")).toThrow(/raw key/)
    expect(() => passphraseKey('')).toThrow(/empty/)
  })

  it('back up and restore encrypted, with the same key', async () => {
    const test = await encryptedWorkspace()
    const backup = await test.call('backup.create', {})
    expect(occurrences(backup.file)).toBe(0)
    const before = canonicalDigest(test.db())
    await test.call('workspace.updateProfile', { organization: { ...TEST_ORGANIZATION, name: 'Changed' } })
    const outcome = await test.call('backup.restore', { file: backup.file })
    expect(outcome.workspace.organization.name).toBe(SENTINEL)
    expect(canonicalDigest(test.db())).toEqual(before)
    expect(connectionKey(test.db())).toEqual(PASSPHRASE)
    for (const file of allFiles(test.dir)) expect(occurrences(file), file).toBe(0)
  })
})

describe('converting a workspace to encrypted', () => {
  it('encrypts the file and its backups, keeping every row', async () => {
    const test = await createTestWorkspace()
    await test.call('workspace.updateProfile', { organization: { ...TEST_ORGANIZATION, name: SENTINEL } })
    await test.call('backup.create', {})
    const digest = canonicalDigest(test.session.requireWorkspace().db)
    await test.call('workspace.close', {})
    expect(occurrences(test.workspacePath)).toBeGreaterThan(0)

    const result = encryptWorkspace(test.workspacePath, PASSPHRASE)
    expect(result.encryptedBackups).toHaveLength(1)
    for (const file of allFiles(test.dir)) expect(occurrences(file), file).toBe(0)
    expect(fs.readdirSync(test.dir).filter(name => name.includes('.encrypting-'))).toEqual([])

    const db = openWorkspaceDb(test.workspacePath, { key: PASSPHRASE })
    expect(canonicalDigest(db)).toEqual(digest)
    expect(connectionPragmas(db)).toEqual({ journal: 'wal', synchronous: 2, foreignKeys: 1 })
    db.close()
    const backup = listBackupFiles(test.workspacePath)[0]!
    openWorkspaceDb(backup.file, { key: PASSPHRASE }).close()
    expect(() => encryptWorkspace(test.workspacePath, PASSPHRASE)).toThrow(/is an encrypted workspace|not an unencrypted/)
  })

  it('refuses a file that is not a workspace, changing nothing', async () => {
    const test = await createTestWorkspace()
    const junk = path.join(test.dir, 'junk.safeguard')
    fs.writeFileSync(junk, 'hello')
    expect(() => encryptWorkspace(junk, PASSPHRASE)).toThrow()
    expect(fs.readFileSync(junk, 'utf8')).toBe('hello')
  })
})
