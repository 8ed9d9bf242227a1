import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../shared/errors'
import { sqliteFileKind } from './file-header'
import type { WorkspaceKeyProvider } from './key-provider'
import { connect, type Db, type NativeBindingOption, type WorkspaceKey } from './driver'
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

/** What a program chooses for every workspace file it opens or creates; its Session holds them (`session.openChoices`). */
export interface OpenChoices extends NativeBindingOption {
  /** Where keys come from when none is given: the app's key store, the CLI's passphrase. None: only a given key opens an encrypted file. */
  keyProvider?: WorkspaceKeyProvider | null
}

/**
 * `key`: the key to unlock an encrypted workspace, null for an unencrypted
 * one, or left out to ask `keyProvider` when the file turns out to be
 * encrypted (and, when creating, for the new file's key).
 */
export interface WorkspaceOpenOptions extends OpenChoices {
  key?: WorkspaceKey | null
}

function describeOpenFailure(file: string, error: unknown, keyed = false): ApiError {
  const code = (error as { code?: string }).code
  if (keyed && (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')) {
    return new ApiError(
      'invalid-input',
      `The passphrase or key does not unlock "${file}" (or it is not a Safeguard workspace). Nothing was changed.`,
      {
        reason: 'wrong-passphrase'
      }
    )
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new ApiError('not-a-workspace', `"${file}" is not a Safeguard workspace (it is not a SQLite database).`)
  }
  if (code === 'SQLITE_CANTOPEN') {
    return new ApiError('not-found', `"${file}" could not be opened. Check that it exists and that you may read and write it.`)
  }
  return new ApiError('internal', `"${file}" could not be opened: ${(error as Error).message}`)
}

/**
 * Whether an opaque file can be an encrypted workspace: SQLCipher writes whole
 * pages (512 bytes at the least), and its first 16 bytes are a random salt, which
 * is never all printable text. A text file, an image or a truncated copy is not.
 */
function looksEncrypted(file: string, size: number): boolean {
  if (size < 512 || size % 512 !== 0) return false
  const head = Buffer.alloc(16)
  const handle = fs.openSync(file, 'r')
  try {
    fs.readSync(handle, head, 0, 16, 0)
  } finally {
    fs.closeSync(handle)
  }
  return head.some(byte => byte < 0x20 || byte > 0x7e)
}

/**
 * Opens an existing workspace file and brings its schema up to date.
 * Reads the header before writing anything, so a foreign or newer file is
 * refused untouched.
 */
export function openWorkspaceDb(file: string, options: WorkspaceOpenOptions = {}): Db {
  const stat = fs.statSync(file, { throwIfNoEntry: false })
  if (!stat) throw new ApiError('not-found', `No workspace at "${file}".`)
  if (stat.isDirectory()) throw new ApiError('not-a-file', `"${file}" is a folder, not a workspace file.`)
  if (!stat.isFile()) throw new ApiError('not-a-file', `"${file}" is not a regular file.`)

  const kind = sqliteFileKind(file)
  const key = options.key !== undefined ? options.key : kind === 'opaque' ? (options.keyProvider?.keyFor(file) ?? null) : null
  if (key && kind === 'plain') {
    // Fail closed: never let a key "open" a file that would then be written in clear.
    throw new ApiError(
      'invalid-input',
      `"${file}" is not encrypted, so it cannot be opened with a key. Encrypt it first (safeguard encrypt). It was left unchanged.`,
      {
        reason: 'not-encrypted'
      }
    )
  }
  if (!key && kind === 'opaque') {
    if (!looksEncrypted(file, stat.size)) {
      throw new ApiError(
        'not-a-workspace',
        `"${file}" is not a Safeguard workspace (it is neither a SQLite database nor an encrypted workspace). It was left unchanged.`,
        {
          reason: 'not-a-workspace',
          path: path.resolve(file)
        }
      )
    }
    throw new ApiError(
      'not-a-workspace',
      `"${file}" is an encrypted workspace (or not a Safeguard workspace at all): give its passphrase or recovery key to open it (the command line reads SAFEGUARD_PASSPHRASE). It was left unchanged.`,
      { reason: 'encrypted', path: path.resolve(file) }
    )
  }

  let db: Db
  try {
    db = connect(file, { fileMustExist: true, key, nativeBinding: options.nativeBinding })
  } catch (error) {
    throw error instanceof ApiError ? error : describeOpenFailure(file, error)
  }
  try {
    let applicationId: number
    try {
      applicationId = db.pragma('application_id', { simple: true }) as number
    } catch (error) {
      throw describeOpenFailure(file, error, !!key)
    }
    if (applicationId !== WORKSPACE_APPLICATION_ID) {
      throw new ApiError('not-a-workspace', `"${file}" is a SQLite database but not a Safeguard workspace. It was left unchanged.`)
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
export function createWorkspaceDb(file: string, initialise: (db: Db) => void, options: WorkspaceOpenOptions = {}): Db {
  const stat = fs.statSync(file, { throwIfNoEntry: false })
  if (stat?.isDirectory()) throw new ApiError('not-a-file', `"${file}" is a folder; choose a file name for the new workspace.`)
  if (stat) throw new ApiError('already-exists', `"${file}" already exists. Open it instead, or choose another name.`)
  const folder = path.dirname(file)
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ApiError('not-found', `The folder "${folder}" does not exist.`)
  }

  const key = options.key !== undefined ? options.key : (options.keyProvider?.keyForNewWorkspace?.(file) ?? null)
  const db = connect(file, { key, nativeBinding: options.nativeBinding })
  try {
    db.pragma(`application_id = ${WORKSPACE_APPLICATION_ID}`)
    applyConnectionPragmas(db)
    migrate(db, { file })
    db.transaction(() => initialise(db))()
    if (key && sqliteFileKind(file) !== 'opaque') {
      throw new ApiError('unsupported', `"${file}" was written unencrypted although a key was given; it was removed.`)
    }
    return db
  } catch (error) {
    db.close()
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
    throw error
  }
}

export { LATEST_SCHEMA_VERSION, schemaVersion }
