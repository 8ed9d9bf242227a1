import { checkWorkspaceCopy } from '../backup/check-copy'
import { listBackupFiles } from '../backup/backup-files'
import { openWorkspaceDb } from '../db/open'
import { opensWith, type NativeBindingOption } from '../db/driver'
import { crashPoint } from '../shared/crash-points'
import { withWorkspaceLock, type WorkspaceLock } from '../db/workspace-lock'
import { encryptSqliteFile, rekeySqliteFile } from './encrypt-file'
import { sqliteFileKind } from '../db/file-header'
import type { WorkspaceKey } from '../db/workspace-key'

export interface ReplaceChoices extends NativeBindingOption {
  /** The workspace's lock, when the caller holds it (the app, replacing its open workspace); else one is taken for the duration. */
  lock?: WorkspaceLock
  /** Named to other programs that find the workspace in use meanwhile. */
  program?: string
}

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
export function encryptWorkspace(workspacePath: string, key: WorkspaceKey, choices: ReplaceChoices = {}): EncryptionResult {
  return withWorkspaceLock(workspacePath, choices.lock, lockOptions(choices), () => encryptLocked(workspacePath, key, choices))
}

function lockOptions(choices: ReplaceChoices): { program: string; nativeBinding?: string } {
  return { program: choices.program ?? 'another Safeguard program', nativeBinding: choices.nativeBinding }
}

function encryptLocked(workspacePath: string, key: WorkspaceKey, choices: NativeBindingOption): EncryptionResult {
  const { nativeBinding } = choices
  const db = openWorkspaceDb(workspacePath, { key: null, nativeBinding })
  try {
    db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    db.close()
  }
  encryptSqliteFile(
    workspacePath,
    key,
    copy => {
      openWorkspaceDb(copy, { key, nativeBinding }).close()
      checkWorkspaceCopy(copy, key, 'The encrypted workspace', choices)
    },
    choices
  )
  crashPoint('encrypt-before-backups')
  return { workspacePath, encryptedBackups: encryptClearBackups(workspacePath, key, choices) }
}

/**
 * Encrypts the workspace's backups that are still in clear with its key. Run by
 * encryptWorkspace after the workspace itself, and again whenever an encrypted
 * workspace is opened, so an encryption interrupted between the two (a crash)
 * is finished rather than leaving clear copies behind. The caller holds the lock.
 */
export function encryptClearBackups(workspacePath: string, key: WorkspaceKey, choices: NativeBindingOption = {}): string[] {
  const encrypted: string[] = []
  for (const backup of listBackupFiles(workspacePath)) {
    if (sqliteFileKind(backup.file) !== 'plain') continue
    encryptSqliteFile(backup.file, key, copy => checkWorkspaceCopy(copy, key, `The encrypted backup ${backup.name}`, choices), choices)
    encrypted.push(backup.file)
  }
  return encrypted
}

export interface RekeyResult {
  workspacePath: string
  /** Backups that had the old key and now have the new one. */
  rekeyedBackups: string[]
  /** Backups made under some earlier key, left as they were (their old key or passphrase still opens them). */
  otherBackups: string[]
}

/**
 * Gives an encrypted workspace a new key (a passphrase instead of this device's
 * key, a new passphrase, or back to a device key), then its backups that had the
 * old key, each as a checked copy renamed over the file. The workspace must not be
 * open anywhere else; `from` must be its current key.
 */
export function changeWorkspaceKey(workspacePath: string, from: WorkspaceKey, to: WorkspaceKey, choices: ReplaceChoices = {}): RekeyResult {
  return withWorkspaceLock(workspacePath, choices.lock, lockOptions(choices), () => changeKeyLocked(workspacePath, from, to, choices))
}

function changeKeyLocked(workspacePath: string, from: WorkspaceKey, to: WorkspaceKey, choices: NativeBindingOption): RekeyResult {
  const { nativeBinding } = choices
  const db = openWorkspaceDb(workspacePath, { key: from, nativeBinding })
  try {
    db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    db.close()
  }
  rekeySqliteFile(
    workspacePath,
    from,
    to,
    copy => {
      openWorkspaceDb(copy, { key: to, nativeBinding }).close()
      checkWorkspaceCopy(copy, to, 'The re-keyed workspace', choices)
    },
    choices
  )
  const rekeyedBackups: string[] = []
  const otherBackups: string[] = []
  for (const backup of listBackupFiles(workspacePath)) {
    if (sqliteFileKind(backup.file) !== 'opaque' || !opensWith(backup.file, from, choices)) {
      otherBackups.push(backup.file)
      continue
    }
    // The workspace has its new key already: a backup that fails keeps its old key rather than undo that.
    try {
      rekeySqliteFile(backup.file, from, to, copy => checkWorkspaceCopy(copy, to, `The re-keyed backup ${backup.name}`, choices), choices)
      rekeyedBackups.push(backup.file)
    } catch {
      otherBackups.push(backup.file)
    }
  }
  return { workspacePath, rekeyedBackups, otherBackups }
}
