import fs from 'node:fs'
import { backupFolderFor } from '../backup/backup-files'
import { connect, type Db } from '../db/driver'
import { sqliteFileKind } from '../db/file-header'
import { WORKSPACE_APPLICATION_ID } from '../db/open'
import { acquireWorkspaceLock } from '../db/workspace-lock'
import { removeSqliteFiles } from '../shared/fsync'
import type { Session } from './session'
import { getWorkspaceProfile } from './db/workspace-profile'

/**
 * Before first start asked who a workspace is for, the app made an unnamed "My organisation" workspace at
 * `<data>/workspaces/Default.safeguard`. Once a real workspace exists, one that was never touched is taken out of
 * the recent list and its file removed, so no unnamed workspace is left behind. A default with anything in it stays.
 */

/** The only table a new workspace writes a row to (its profile); every other table starts empty. */
const PROFILE_TABLE = 'workspace'

/**
 * 'untouched': its profile was never completed, every table but the profile is empty (read under the
 * workspace's lock) and it has no backups. Anything else (records, a completed profile, a file this program cannot read or another holds)
 * is kept as it is.
 */
export type UnnamedDefaultState = 'absent' | 'untouched' | 'has-content' | 'unreadable' | 'in-use'

/** Rows in any table but the profile (and SQLite's own), counted one table at a time until one has any. */
export function hasRecords(db: Db): boolean {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> ?`)
    .pluck()
    .all(PROFILE_TABLE) as string[]
  // Table names come from the file's own schema, quoted as identifiers; they cannot be bound as parameters.
  return tables.some(
    table =>
      db
        .prepare(`SELECT EXISTS (SELECT 1 FROM "${table.replaceAll('"', '""')}")`)
        .pluck()
        .get() === 1
  )
}

function hasBackups(file: string): boolean {
  try {
    return fs.readdirSync(backupFolderFor(file)).length > 0
  } catch {
    return false
  }
}

function stateOf(db: Db): UnnamedDefaultState {
  if (db.pragma('application_id', { simple: true }) !== WORKSPACE_APPLICATION_ID) return 'unreadable'
  const profile = getWorkspaceProfile(db)
  if (!profile) return 'unreadable'
  return !profile.profileComplete && !hasRecords(db) ? 'untouched' : 'has-content'
}

/**
 * Reads `file` (without migrating it) to tell whether it is an untouched unnamed default; when it is, `whenUntouched`
 * runs with the connection closed and the lock still held, so nothing can open it in between.
 */
export function inspectUnnamedDefault(file: string, session: Session, whenUntouched: () => void = () => undefined): UnnamedDefaultState {
  if (!fs.existsSync(file)) return 'absent'
  // A backup beside it means an import or a restore happened: what it held may matter even if the file is empty now.
  if (hasBackups(file)) return 'has-content'
  let lock
  try {
    lock = acquireWorkspaceLock(file, { program: session.programName, nativeBinding: session.nativeBinding })
  } catch {
    return 'in-use'
  }
  try {
    let state: UnnamedDefaultState
    try {
      const key = sqliteFileKind(file) === 'opaque' ? (session.keyProvider?.keyFor(file) ?? null) : null
      const db = connect(file, { fileMustExist: true, key, nativeBinding: session.nativeBinding })
      try {
        state = stateOf(db)
      } finally {
        db.close()
      }
    } catch {
      // Locked with a passphrase, damaged or newer: not provably empty, so it stays.
      return 'unreadable'
    }
    if (state === 'untouched') whenUntouched()
    return state
  } finally {
    lock.release()
  }
}

/**
 * Called once a real workspace is open: an untouched unnamed default leaves the recent list, its file and its kept key
 * are removed. Returns what was found.
 */
export function retireUntouchedDefault(session: Session): UnnamedDefaultState {
  if (!session.dataDir) return 'absent'
  const file = session.defaultWorkspacePath()
  if (session.current?.path === file) return 'in-use'
  return inspectUnnamedDefault(file, session, () => {
    session.recent?.forget(file)
    removeSqliteFiles(file)
    session.deviceKeyStore?.forget(file)
  })
}
