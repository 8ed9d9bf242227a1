import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../api/errors'
import { connect, type Db } from './driver'
import { migrate, schemaVersion } from './migrate'
import { LATEST_SCHEMA_VERSION } from './migrations'

/** 'SGW1' in the SQLite header marks a file as a Safeguard workspace. */
export const WORKSPACE_APPLICATION_ID = 0x53475731

/** Durability settings applied on every open (better-sqlite3 reopens WAL files at NORMAL otherwise). */
function applyConnectionPragmas(db: Db): void {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
}

function describeOpenFailure(file: string, error: unknown): ApiError {
  const code = (error as { code?: string }).code
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new ApiError('not-a-workspace', `"${file}" is not a Safeguard workspace (it is not a SQLite database).`)
  }
  if (code === 'SQLITE_CANTOPEN') {
    return new ApiError('not-found', `"${file}" could not be opened. Check that it exists and that you may read and write it.`)
  }
  return new ApiError('internal', `"${file}" could not be opened: ${(error as Error).message}`)
}

/**
 * Opens an existing workspace file and brings its schema up to date.
 * Reads the header before writing anything, so a foreign or newer file is
 * refused untouched.
 */
export function openWorkspaceDb(file: string): Db {
  const stat = fs.statSync(file, { throwIfNoEntry: false })
  if (!stat) throw new ApiError('not-found', `No workspace at "${file}".`)
  if (stat.isDirectory()) throw new ApiError('not-a-file', `"${file}" is a folder, not a workspace file.`)
  if (!stat.isFile()) throw new ApiError('not-a-file', `"${file}" is not a regular file.`)

  let db: Db
  try {
    db = connect(file, { fileMustExist: true })
  } catch (error) {
    throw describeOpenFailure(file, error)
  }
  try {
    let applicationId: number
    try {
      applicationId = db.pragma('application_id', { simple: true }) as number
    } catch (error) {
      throw describeOpenFailure(file, error)
    }
    if (applicationId !== WORKSPACE_APPLICATION_ID) {
      throw new ApiError(
        'not-a-workspace',
        `"${file}" is a SQLite database but not a Safeguard workspace. It was left unchanged.`
      )
    }
    migrate(db, { file })
    applyConnectionPragmas(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/**
 * Creates a new workspace file with the latest schema. Runs `initialise`
 * (e.g. inserting the organisation profile) before returning; if anything
 * fails the half-made file is removed so nothing misleading is left behind.
 */
export function createWorkspaceDb(file: string, initialise: (db: Db) => void): Db {
  const stat = fs.statSync(file, { throwIfNoEntry: false })
  if (stat?.isDirectory()) throw new ApiError('not-a-file', `"${file}" is a folder; choose a file name for the new workspace.`)
  if (stat) throw new ApiError('already-exists', `"${file}" already exists. Open it instead, or choose another name.`)
  const folder = path.dirname(file)
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ApiError('not-found', `The folder "${folder}" does not exist.`)
  }

  const db = connect(file)
  try {
    db.pragma(`application_id = ${WORKSPACE_APPLICATION_ID}`)
    applyConnectionPragmas(db)
    migrate(db, { file })
    db.transaction(() => initialise(db))()
    return db
  } catch (error) {
    db.close()
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
    throw error
  }
}

export { LATEST_SCHEMA_VERSION, schemaVersion }
