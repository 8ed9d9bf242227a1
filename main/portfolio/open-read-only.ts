import fs from 'node:fs'
import { connect, type Db, type NativeBindingOption, type WorkspaceKey } from '../db/driver'
import { sqliteFileKind } from '../db/file-header'
import { WORKSPACE_APPLICATION_ID } from '../db/open'
import { acquireWorkspaceLock, type WorkspaceLock } from '../db/workspace-lock'

/** A SQLite failure that means the file is not what it claims (or the key does not fit). */
export function isUnreadableDatabase(error: unknown): boolean {
  const code = (error as { code?: string }).code
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT'
}

/** A read-only connection unlocked with `key`, or null when the key does not unlock it; opening changes nothing. */
function tryConnect(file: string, key: WorkspaceKey | null, options: NativeBindingOption): Db | null {
  const db = connect(file, { readonly: true, fileMustExist: true, key, nativeBinding: options.nativeBinding })
  try {
    // A writer checkpointing at that moment holds the reader back briefly, as it would the app.
    db.pragma('busy_timeout = 5000')
    db.pragma('application_id', { simple: true })
    return db
  } catch (error) {
    db.close()
    if (key && isUnreadableDatabase(error)) return null
    throw error
  }
}

export interface ReadOnlyWorkspace {
  db: Db
  key: WorkspaceKey | null
  applicationId: number
}

/**
 * Runs `read` on a read-only connection to `file`, never migrating or writing it.
 *
 * A WAL database read read-only still needs its `-wal` and `-shm` companions, which SQLite creates and only a writer
 * removes. So when no other program has the workspace, its lock is taken for the moment of reading (nothing can open
 * it meanwhile) and companions this read created are removed afterwards. What stays is the lock's own empty file
 * (`.<name>.lock`), which Safeguard keeps beside every workspace it has opened and never removes (see workspace-lock.ts:
 * removing it could let two programs each lock a different file of that name). When another
 * program holds it (the app, a command), its companions exist already and SQLite lets a reader in beside the writer:
 * the summary reads the last committed state and touches nothing of the holder's.
 */
export function withReadOnlyWorkspace<T>(
  file: string,
  keys: readonly WorkspaceKey[],
  options: NativeBindingOption & { program: string },
  read: (workspace: ReadOnlyWorkspace) => T
): { opened: true; value: T } | { opened: false } {
  const companions = [`${file}-wal`, `${file}-shm`]
  const hadCompanions = companions.some(companion => fs.existsSync(companion))
  let lock: WorkspaceLock | null = null
  try {
    lock = acquireWorkspaceLock(file, { program: `${options.program} (reading a summary)`, nativeBinding: options.nativeBinding })
  } catch {
    // Held by another program (or the folder cannot be locked): read beside it without cleaning up.
  }
  try {
    const candidates: (WorkspaceKey | null)[] = sqliteFileKind(file) === 'opaque' ? [...keys] : [null]
    for (const key of candidates) {
      const db = tryConnect(file, key, options)
      if (!db) continue
      try {
        const applicationId = db.pragma('application_id', { simple: true }) as number
        return { opened: true, value: read({ db, key, applicationId }) }
      } finally {
        db.close()
      }
    }
    return { opened: false }
  } finally {
    if (lock) {
      if (!hadCompanions) for (const companion of companions) fs.rmSync(companion, { force: true })
      lock.release()
    }
  }
}

export { WORKSPACE_APPLICATION_ID }
