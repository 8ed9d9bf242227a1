import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../shared/errors'
import type { NativeBindingOption, WorkspaceKey } from '../db/driver'
import { openWorkspaceDb } from '../db/open'
import { operationTempPath } from '../db/leftovers'
import { withWorkspaceLock, type WorkspaceLock } from '../db/workspace-lock'
import { fsyncFile, removeSqliteFiles, renameDurably } from '../shared/fsync'
import { crashPoint } from '../shared/crash-points'
import { createBackup } from './backup'
import { backupFolderFor, backupName, listBackupFiles } from './backup-files'
import { checkWorkspaceCopy } from './check-copy'

export interface RestoreResult {
  workspacePath: string
  restoredFrom: string
  /** Where the workspace as it was just before the restore was kept, or null if there was none. */
  safetyCopy: string | null
}

/** Keeps the current workspace before it is replaced: a checked backup if it opens, else a byte copy (it may be the damaged one). */
function keepCurrent(workspacePath: string, key: WorkspaceKey | null, choices: NativeBindingOption): string | null {
  if (!fs.existsSync(workspacePath)) return null
  try {
    const db = openWorkspaceDb(workspacePath, { key, nativeBinding: choices.nativeBinding })
    try {
      return createBackup(db, workspacePath, { reason: 'before-restore' }).file
    } finally {
      db.close()
    }
  } catch {
    const folder = backupFolderFor(workspacePath)
    fs.mkdirSync(folder, { recursive: true })
    const copy = path.join(folder, backupName(new Date(), 'before-restore'))
    for (const suffix of ['', '-wal']) {
      if (fs.existsSync(workspacePath + suffix)) fs.copyFileSync(workspacePath + suffix, copy + suffix)
    }
    return copy
  }
}

/**
 * Replaces the workspace file with a backup. The backup is copied beside the
 * workspace and that copy is opened (bringing an older format up to date)
 * and checked before anything else happens; the current file is then kept
 * as a 'before-restore' backup, and the checked copy is renamed over it in
 * one atomic step. The workspace must be closed; `key` is the workspace's
 * key (null when it is not encrypted), and the backup must open with it.
 */
export function restoreBackup(
  workspacePath: string,
  backupFile: string,
  key: WorkspaceKey | null,
  choices: NativeBindingOption & { lock?: WorkspaceLock; program?: string } = {}
): RestoreResult {
  const lockChoices = { program: choices.program ?? 'another Safeguard program', nativeBinding: choices.nativeBinding }
  return withWorkspaceLock(workspacePath, choices.lock, lockChoices, () => restoreLocked(workspacePath, backupFile, key, choices))
}

function restoreLocked(workspacePath: string, backupFile: string, key: WorkspaceKey | null, choices: NativeBindingOption): RestoreResult {
  const target = path.resolve(workspacePath)
  const source = path.resolve(backupFile)
  const stat = fs.statSync(source, { throwIfNoEntry: false })
  if (!stat) throw new ApiError('not-found', `No backup at "${source}".`)
  if (!stat.isFile()) throw new ApiError('not-a-file', `"${source}" is not a file.`)
  if (source === target) throw new ApiError('invalid-input', 'A workspace cannot be restored from itself.')
  if (!fs.statSync(path.dirname(target), { throwIfNoEntry: false })?.isDirectory()) {
    throw new ApiError('not-found', `The folder "${path.dirname(target)}" does not exist.`)
  }

  const candidate = operationTempPath(target, 'restoring')
  fs.copyFileSync(source, candidate, fs.constants.COPYFILE_EXCL)
  try {
    try {
      openWorkspaceDb(candidate, { key, nativeBinding: choices.nativeBinding }).close()
    } catch (error) {
      const reason = error instanceof ApiError ? error.message.replaceAll(candidate, source) : (error as Error).message
      throw new ApiError('workspace-corrupt', `The backup "${source}" cannot be restored: ${reason}`)
    }
    checkWorkspaceCopy(candidate, key, `The backup "${source}"`, choices)
    fsyncFile(candidate)

    const safetyCopy = keepCurrent(target, key, choices)
    // A -wal left beside the old file would be replayed into the restored one: it must go before the swap.
    for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true })
    crashPoint('restore-before-rename')
    renameDurably(candidate, target)
    return { workspacePath: target, restoredFrom: source, safetyCopy }
  } finally {
    removeSqliteFiles(candidate)
  }
}

export { listBackupFiles }
