import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { backupBeforeImport, backupIfDue, createBackup, pruneBackups } from '../../main/backup/backup'
import { backupFolderFor, listBackupFiles, parseBackupName } from '../../main/backup/backup-files'
import { checkWorkspaceCopy } from '../../main/backup/check-copy'
import { restoreBackup } from '../../main/backup/restore'
import { connect } from '../../main/db/driver'
import { openWorkspaceDb } from '../../main/db/open'
import { createTestWorkspace, TEST_ORGANIZATION } from '../helpers/workspace'
import { canonicalDigest } from './canonical'

async function workspaceNamed(name: string) {
  const test = await createTestWorkspace({ organization: { name } })
  return { ...test, db: () => test.session.requireWorkspace().db }
}

async function rename(test: Awaited<ReturnType<typeof workspaceNamed>>, name: string) {
  await test.call('workspace.updateProfile', { organization: { ...TEST_ORGANIZATION, name } })
}

function digestOf(file: string) {
  const db = openWorkspaceDb(file, { key: null })
  try {
    return canonicalDigest(db)
  } finally {
    db.close()
  }
}

describe('backups', () => {
  it('makes a checked, timestamped copy in the workspace backup folder and lists it', async () => {
    const test = await workspaceNamed('Clinic A')
    const made = await test.call('backup.create', {})
    expect(path.dirname(made.file)).toBe(backupFolderFor(test.workspacePath))
    expect(made.reason).toBe('manual')
    expect(parseBackupName(made.name)).toEqual({ createdAt: made.createdAt, reason: 'manual' })
    expect(made.sizeBytes).toBe(fs.statSync(made.file).size)
    expect(await test.call('backup.list', {})).toEqual([made])
    // Same contents, and nothing half-written left behind.
    expect(digestOf(made.file)).toEqual(canonicalDigest(test.db()))
    expect(fs.readdirSync(backupFolderFor(test.workspacePath))).toEqual([made.name])
  })

  it('keeps only the newest N', async () => {
    const test = await workspaceNamed('Clinic A')
    const start = Date.parse('2026-01-01T00:00:00Z')
    for (let i = 0; i < 5; i += 1) createBackup(test.db(), test.workspacePath, { keep: 3, now: new Date(start + i * 60_000) })
    const kept = listBackupFiles(test.workspacePath)
    expect(kept.map(backup => backup.createdAt)).toEqual(['2026-01-01T00:04:00.000Z', '2026-01-01T00:03:00.000Z', '2026-01-01T00:02:00.000Z'])
    expect(() => pruneBackups(test.workspacePath, 0)).toThrow(/at least one/)
  })

  it('gives backups made in the same millisecond distinct names', async () => {
    const test = await workspaceNamed('Clinic A')
    const now = new Date('2026-01-01T00:00:00Z')
    const first = createBackup(test.db(), test.workspacePath, { now })
    const second = createBackup(test.db(), test.workspacePath, { now })
    expect(first.file).not.toBe(second.file)
    expect(listBackupFiles(test.workspacePath)).toHaveLength(2)
  })

  it('removes partial files an interrupted backup left, and never lists them', async () => {
    const test = await workspaceNamed('Clinic A')
    const folder = backupFolderFor(test.workspacePath)
    fs.mkdirSync(folder, { recursive: true })
    const partial = path.join(folder, '.2026-01-01T00-00-00-000Z-manual.safeguard.partial-abc123')
    fs.writeFileSync(partial, 'half a backup')
    expect(listBackupFiles(test.workspacePath)).toEqual([])
    createBackup(test.db(), test.workspacePath)
    expect(fs.existsSync(partial)).toBe(false)
  })

  it('refuses to run inside a transaction', async () => {
    const test = await workspaceNamed('Clinic A')
    const db = test.db()
    db.transaction(() => expect(() => createBackup(db, test.workspacePath)).toThrow(/transaction/))()
  })

  it('offers importers a backup before each import, and a daily one when due', async () => {
    const test = await workspaceNamed('Clinic A')
    expect(backupBeforeImport(test.db(), test.workspacePath).reason).toBe('before-import')
    const now = new Date()
    expect(backupIfDue(test.db(), test.workspacePath, now)).toBeNull()
    const tomorrow = new Date(now.getTime() + 25 * 60 * 60 * 1000)
    expect(backupIfDue(test.db(), test.workspacePath, tomorrow)?.reason).toBe('daily')
  })
})

describe('checking a copy', () => {
  it('finds a damaged page', async () => {
    const test = await workspaceNamed('Clinic A')
    const made = createBackup(test.db(), test.workspacePath)
    const bytes = fs.readFileSync(made.file)
    // Scribble over the second page (a table's b-tree page), keeping the header intact.
    bytes.fill(0x5a, 4096 + 8, 4096 + 200)
    const damaged = path.join(test.dir, 'damaged.safeguard')
    fs.writeFileSync(damaged, bytes)
    expect(() => checkWorkspaceCopy(damaged, null, 'The copy')).toThrow(/damaged|could not|malformed/)
  })

  it('finds rows pointing at missing rows (which integrity_check does not)', async () => {
    const test = await workspaceNamed('Clinic A')
    const made = createBackup(test.db(), test.workspacePath)
    const db = connect(made.file)
    db.pragma('foreign_keys = OFF')
    db.prepare("INSERT INTO assessment_profile (period_id, key, value, updated_at) VALUES ('no-such-period', 'k', 1, 'now')").run()
    db.close()
    expect(() => checkWorkspaceCopy(made.file, null, 'The copy')).toThrow(
      /1 row\(s\) pointing at missing rows \(first: assessment_profile → assessment_period\)/
    )
  })

  it('refuses a file that is not a workspace', async () => {
    const test = await workspaceNamed('Clinic A')
    const other = path.join(test.dir, 'other.sqlite')
    connect(other).exec('CREATE TABLE t (x)').close()
    expect(() => checkWorkspaceCopy(other, null, 'The copy')).toThrow(/not a Safeguard workspace/)
  })
})

describe('restore', () => {
  it('brings back exactly what the backup holds and keeps the replaced state', async () => {
    const test = await workspaceNamed('Before')
    const backup = await test.call('backup.create', {})
    const backedUp = digestOf(backup.file)
    await rename(test, 'After')
    const replaced = canonicalDigest(test.db())

    const outcome = await test.call('backup.restore', { file: backup.file })
    expect(outcome.workspace.organization.name).toBe('Before')
    expect((await test.call('workspace.current', {}))?.organization.name).toBe('Before')
    expect(canonicalDigest(test.db())).toEqual(backedUp)
    expect(outcome.safetyCopy).not.toBeNull()
    expect(digestOf(outcome.safetyCopy!)).toEqual(replaced)
    expect(
      listBackupFiles(test.workspacePath)
        .map(entry => entry.reason)
        .sort()
    ).toEqual(['before-restore', 'manual'])
  })

  it('leaves the workspace untouched and open when the backup is bad', async () => {
    const test = await workspaceNamed('Clinic A')
    const before = canonicalDigest(test.db())
    const junk = path.join(test.dir, 'junk.safeguard')
    fs.writeFileSync(junk, 'not a database at all, just text that goes on for a while '.repeat(100))
    await expect(test.call('backup.restore', { file: junk })).rejects.toMatchObject({ code: 'workspace-corrupt' })
    await expect(test.call('backup.restore', { file: path.join(test.dir, 'missing.safeguard') })).rejects.toMatchObject({ code: 'not-found' })
    await expect(test.call('backup.restore', { file: test.workspacePath })).rejects.toMatchObject({ code: 'invalid-input' })
    expect(canonicalDigest(test.db())).toEqual(before)
    expect(fs.readdirSync(test.dir).filter(name => name.includes('.restoring-'))).toEqual([])
    expect(listBackupFiles(test.workspacePath)).toEqual([])
  })

  it('restores a workspace that no longer opens, keeping its bytes', async () => {
    const test = await workspaceNamed('Clinic A')
    const backup = createBackup(test.db(), test.workspacePath)
    const expected = digestOf(backup.file)
    await test.call('workspace.close', {})
    fs.writeFileSync(test.workspacePath, 'overwritten by accident')
    const result = restoreBackup(test.workspacePath, backup.file, null)
    expect(digestOf(test.workspacePath)).toEqual(expected)
    expect(fs.readFileSync(result.safetyCopy!, 'utf8')).toBe('overwritten by accident')
  })
})
