import { ApiError } from '../shared/errors'
import { connect, type Db, type NativeBindingOption, type WorkspaceKey } from '../db/driver'
import { WORKSPACE_APPLICATION_ID } from '../db/open'
import { sqliteFileKind } from '../db/file-header'

/**
 * Opens a copy of a workspace (a fresh backup or a file about to be
 * restored) read-only with the given key and checks that SQLite finds it
 * whole: integrity_check (pages, indexes) and foreign_key_check (which
 * integrity_check does not cover). An encrypted workspace's copy must be
 * encrypted too. Throws ApiError('workspace-corrupt') naming the problem.
 */
export function checkWorkspaceCopy(file: string, key: WorkspaceKey | null, what: string, choices: NativeBindingOption = {}): void {
  if (key && sqliteFileKind(file) !== 'opaque') {
    throw new ApiError('internal', `${what} is not encrypted although the workspace is; it was discarded.`)
  }
  let db: Db
  try {
    db = connect(file, { fileMustExist: true, readonly: true, key, nativeBinding: choices.nativeBinding })
  } catch (error) {
    throw new ApiError('workspace-corrupt', `${what} could not be opened: ${(error as Error).message}`)
  }
  try {
    let applicationId: number
    try {
      applicationId = db.pragma('application_id', { simple: true }) as number
    } catch (error) {
      const reason =
        (error as { code?: string }).code === 'SQLITE_NOTADB' ? 'it is not a workspace, or not one this key unlocks' : (error as Error).message
      throw new ApiError('workspace-corrupt', `${what} could not be read: ${reason}.`)
    }
    if (applicationId !== WORKSPACE_APPLICATION_ID) throw new ApiError('workspace-corrupt', `${what} is not a Safeguard workspace.`)
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map(row => row.integrity_check)
    if (integrity.length !== 1 || integrity[0] !== 'ok') {
      throw new ApiError('workspace-corrupt', `${what} is damaged: ${integrity.slice(0, 5).join('; ')}`)
    }
    const orphans = db.pragma('foreign_key_check') as { table: string; parent: string }[]
    if (orphans.length > 0) {
      const first = orphans[0]!
      throw new ApiError(
        'workspace-corrupt',
        `${what} has ${orphans.length} row(s) pointing at missing rows (first: ${first.table} → ${first.parent}).`
      )
    }
  } finally {
    db.close()
  }
}
