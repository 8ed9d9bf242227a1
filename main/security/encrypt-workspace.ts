import { checkWorkspaceCopy } from '../backup/check-copy'
import { listBackupFiles } from '../backup/backup-files'
import { openWorkspaceDb } from '../db/open'
import { encryptSqliteFile } from './encrypt-file'
import { sqliteFileKind } from './file-header'
import type { WorkspaceKey } from './workspace-key'

export interface EncryptionResult {
  workspacePath: string
  /** Backups that were in clear and are now encrypted with the same key. */
  encryptedBackups: string[]
}

/**
 * Converts an unencrypted workspace to an encrypted one, on request. The
 * workspace is opened once first (which checks it is a workspace, brings it
 * up to date and, on close, folds its WAL into the file), then encrypted as
 * a checked copy renamed over it. Its backups are encrypted the same way, so
 * no clear copy of the client's data is left in the backup folder.
 * The workspace must not be open anywhere else.
 */
export function encryptWorkspace(workspacePath: string, key: WorkspaceKey): EncryptionResult {
  const db = openWorkspaceDb(workspacePath, { key: null })
  try {
    db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    db.close()
  }
  encryptSqliteFile(workspacePath, key, copy => {
    openWorkspaceDb(copy, { key }).close()
    checkWorkspaceCopy(copy, key, 'The encrypted workspace')
  })
  const encryptedBackups: string[] = []
  for (const backup of listBackupFiles(workspacePath)) {
    if (sqliteFileKind(backup.file) !== 'plain') continue
    encryptSqliteFile(backup.file, key, copy => checkWorkspaceCopy(copy, key, `The encrypted backup ${backup.name}`))
    encryptedBackups.push(backup.file)
  }
  return { workspacePath, encryptedBackups }
}
