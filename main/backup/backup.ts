import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../shared/errors'
import { connectionBinding, connectionKey, type Db } from '../db/driver'
import { fsyncFile, removeSqliteFiles, renameDurably } from '../shared/fsync'
import { backupFolderFor, backupName, listBackupFiles, type BackupFile, type BackupReason } from './backup-files'
import { checkWorkspaceCopy } from './check-copy'

export const DEFAULT_BACKUPS_KEPT = 10
const PARTIAL_MARK = '.partial-'

export interface BackupOptions {
  reason?: BackupReason
  /** How many finished backups to keep (the newest); older ones are deleted after a successful backup. */
  keep?: number
  now?: Date
}

/** A unique final name: two backups in the same millisecond get -2, -3… */
function freeBackupPath(folder: string, createdAt: Date, reason: BackupReason): string {
  const base = backupName(createdAt, reason)
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? base : base.replace(/\.safeguard$/, `-${n}.safeguard`)
    const candidate = path.join(folder, name)
    if (!fs.existsSync(candidate)) return candidate
  }
}

/** Partial files left by a backup that was interrupted (crash, power loss): never valid, always safe to remove. */
function removeLeftoverPartials(folder: string): void {
  for (const name of fs.readdirSync(folder)) {
    if (name.startsWith('.') && name.includes(PARTIAL_MARK)) fs.rmSync(path.join(folder, name), { force: true })
  }
}

/**
 * A consistent copy of the open workspace in its backup folder.
 * VACUUM INTO writes a temporary file (SQLite neither syncs it nor
 * guarantees it whole if interrupted), which is reopened and checked, synced,
 * and only then renamed to its final, timestamped name; the final name
 * therefore only ever holds a complete, checked backup. An encrypted
 * workspace's backup is encrypted with the same key (VACUUM INTO keeps the
 * cipher; the online backup API cannot copy encrypted pages). Must not run
 * inside a transaction.
 */
export function createBackup(db: Db, workspacePath: string, options: BackupOptions = {}): BackupFile {
  if (db.inTransaction) throw new ApiError('conflict', 'A backup cannot be made in the middle of a transaction.')
  const reason = options.reason ?? 'manual'
  const folder = backupFolderFor(workspacePath)
  fs.mkdirSync(folder, { recursive: true })
  removeLeftoverPartials(folder)

  const finalPath = freeBackupPath(folder, options.now ?? new Date(), reason)
  const partial = path.join(folder, `.${path.basename(finalPath)}${PARTIAL_MARK}${randomBytes(6).toString('hex')}`)
  try {
    db.prepare('VACUUM INTO ?').run(partial)
    checkWorkspaceCopy(partial, connectionKey(db), 'The new backup', { nativeBinding: connectionBinding(db) })
    fsyncFile(partial)
    renameDurably(partial, finalPath)
  } catch (error) {
    removeSqliteFiles(partial)
    if (error instanceof ApiError) throw error
    throw new ApiError('internal', `The backup of "${workspacePath}" could not be written to "${folder}": ${(error as Error).message}`)
  }
  pruneBackups(workspacePath, options.keep ?? DEFAULT_BACKUPS_KEPT)
  const made = listBackupFiles(workspacePath).find(backup => backup.file === finalPath)
  if (!made) throw new ApiError('internal', `The backup "${finalPath}" disappeared right after it was written.`)
  return made
}

/** Deletes all but the `keep` newest backups. */
export function pruneBackups(workspacePath: string, keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new ApiError('invalid-input', `Keep at least one backup (asked to keep ${keep}).`)
  const removed = listBackupFiles(workspacePath).slice(keep)
  for (const backup of removed) fs.rmSync(backup.file, { force: true })
  return removed.map(backup => backup.file)
}

/**
 * For importers: call right before an import's transaction, so a bad import
 * can be undone by restoring. Returns the backup made.
 */
export function backupBeforeImport(db: Db, workspacePath: string): BackupFile {
  return createBackup(db, workspacePath, { reason: 'before-import' })
}

/** Makes a 'daily' backup if the newest backup of any kind is older than a day (or there is none). */
export function backupIfDue(db: Db, workspacePath: string, now = new Date()): BackupFile | null {
  const newest = listBackupFiles(workspacePath)[0]
  if (newest && now.getTime() - Date.parse(newest.createdAt) < 24 * 60 * 60 * 1000) return null
  return createBackup(db, workspacePath, { reason: 'daily', now })
}
