import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../shared/errors'
import { connect, type Db } from '../db/driver'
import { sqliteFileKind } from '../db/file-header'
import type { OpenChoices, WorkspaceOpenOptions } from '../db/open'
import { migrate, schemaVersion } from '../db/migrate'
import { LIBRARY_MIGRATIONS, LIBRARY_SCHEMA_VERSION } from './library-migrations'

/** 'SGL1' in the SQLite header marks a file as a Safeguard practice library (a workspace is 'SGW1'). */
export const LIBRARY_APPLICATION_ID = 0x53474c31
export const LIBRARY_EXTENSION = '.sglibrary'

export interface LibraryInfo {
  libraryUid: string
  name: string
  createdAt: string
}

function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
}

export function readLibraryInfo(db: Db, file: string): LibraryInfo {
  const row = db.prepare('SELECT library_uid AS libraryUid, name, created_at AS createdAt FROM library_info WHERE id = 1').get() as
    LibraryInfo | undefined
  if (!row) throw new ApiError('workspace-corrupt', `The practice library "${file}" has no identity row; it may be damaged. It was left unchanged.`)
  return row
}

function describeFailure(file: string, error: unknown, keyed: boolean): ApiError {
  if (error instanceof ApiError) return error
  const code = (error as { code?: string }).code
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return keyed
      ? new ApiError(
          'invalid-input',
          `The passphrase or key does not unlock the practice library "${file}" (or it is damaged). It was left unchanged.`,
          {
            reason: 'wrong-passphrase'
          }
        )
      : new ApiError(
          'not-a-workspace',
          `"${file}" is not a Safeguard practice library (it is damaged or not a SQLite database). It was left unchanged.`,
          {
            reason: 'damaged'
          }
        )
  }
  return new ApiError('internal', `The practice library "${file}" could not be opened: ${(error as Error).message}`)
}

/**
 * Opens a library file, the way a workspace is opened: the header is read before anything is written, so a
 * workspace, a foreign or damaged file, or a library from a newer Safeguard is refused untouched; an encrypted
 * library takes its key from `options.key` or the program's key provider (device key store, SAFEGUARD_PASSPHRASE).
 */
export function openLibraryDb(file: string, options: WorkspaceOpenOptions = {}): Db {
  const stat = fs.statSync(file, { throwIfNoEntry: false })
  if (!stat) throw new ApiError('not-found', `No practice library at "${file}".`)
  if (!stat.isFile()) throw new ApiError('not-a-file', `"${file}" is not a file; choose a practice library (${LIBRARY_EXTENSION}).`)
  const kind = sqliteFileKind(file)
  if (kind === 'empty')
    throw new ApiError('not-a-workspace', `"${file}" is empty: it is not a practice library. It was left unchanged.`, { reason: 'damaged' })
  const key = options.key !== undefined ? options.key : kind === 'opaque' ? (options.keyProvider?.keyFor(file) ?? null) : null
  if (key && kind === 'plain') {
    throw new ApiError('invalid-input', `"${file}" is not encrypted, so it cannot be opened with a key. It was left unchanged.`, {
      reason: 'not-encrypted'
    })
  }
  if (!key && kind === 'opaque') {
    throw new ApiError(
      'not-a-workspace',
      `"${file}" is an encrypted practice library (or not a practice library at all): give its passphrase to open it. It was left unchanged.`,
      { reason: 'encrypted', path: path.resolve(file) }
    )
  }
  let db: Db
  try {
    db = connect(file, { fileMustExist: true, key, nativeBinding: options.nativeBinding })
  } catch (error) {
    throw describeFailure(file, error, !!key)
  }
  try {
    let applicationId: number
    try {
      applicationId = db.pragma('application_id', { simple: true }) as number
    } catch (error) {
      throw describeFailure(file, error, !!key)
    }
    if (applicationId !== LIBRARY_APPLICATION_ID) {
      throw new ApiError('not-a-workspace', `"${file}" is a SQLite database but not a Safeguard practice library. It was left unchanged.`, {
        reason: 'not-a-library'
      })
    }
    const version = schemaVersion(db)
    if (version > LIBRARY_SCHEMA_VERSION) {
      throw new ApiError(
        'workspace-too-new',
        `The practice library "${file}" was saved by a newer version of Safeguard (library format ${version}; this version understands up to ` +
          `${LIBRARY_SCHEMA_VERSION}). Update Safeguard to open it. The file was not changed.`,
        { schemaVersion: version, supportedVersion: LIBRARY_SCHEMA_VERSION }
      )
    }
    migrate(db, { migrations: LIBRARY_MIGRATIONS, file })
    applyPragmas(db)
    readLibraryInfo(db, file)
    return db
  } catch (error) {
    db.close()
    throw describeFailure(file, error, !!key)
  }
}

/** Creates a library file (encrypted when a key is given or the key provider gives one for new files); a half-made file is removed. */
export function createLibraryDb(file: string, name: string, options: OpenChoices & { key?: WorkspaceOpenOptions['key']; now: string }): Db {
  const stat = fs.statSync(file, { throwIfNoEntry: false })
  if (stat) throw new ApiError('already-exists', `"${file}" already exists. Open it instead, or choose another name.`)
  const folder = path.dirname(file)
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new ApiError('not-found', `The folder "${folder}" does not exist.`)
  const key = options.key !== undefined ? options.key : (options.keyProvider?.keyForNewWorkspace?.(file) ?? null)
  const db = connect(file, { key, nativeBinding: options.nativeBinding })
  try {
    db.pragma(`application_id = ${LIBRARY_APPLICATION_ID}`)
    applyPragmas(db)
    migrate(db, { migrations: LIBRARY_MIGRATIONS, file })
    db.prepare('INSERT INTO library_info (id, library_uid, name, created_at) VALUES (1, ?, ?, ?)').run(randomUUID(), name.trim(), options.now)
    if (key && sqliteFileKind(file) !== 'opaque')
      throw new ApiError('unsupported', `"${file}" was written unencrypted although a key was given; it was removed.`)
    return db
  } catch (error) {
    db.close()
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
    throw error
  }
}
