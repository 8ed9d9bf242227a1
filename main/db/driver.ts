import Database from 'better-sqlite3-multiple-ciphers'
import { ApiError } from '../shared/errors'
import { CIPHER_NAME, CIPHER_PRAGMAS, keyMaterial, type WorkspaceKey } from './workspace-key'

export type Db = Database.Database
export type { WorkspaceKey }

export interface NativeBindingOption {
  /**
   * Where the compiled SQLite binding lives. Left out, the build in node_modules
   * (tests, CLI); the Electron shell gives a copy rebuilt for Electron's ABI (held
   * by its Session) so the Node build used by `npm test` is never touched.
   */
  nativeBinding?: string
}

export interface ConnectOptions extends NativeBindingOption {
  readonly?: boolean
  fileMustExist?: boolean
  key?: WorkspaceKey | null
}

/** The key each open connection was unlocked with, so backups and checks can open copies the same way. */
const connectionKeys = new WeakMap<Db, WorkspaceKey>()
/** The binding each open connection was loaded from, likewise (absent: the Node build). */
const connectionBindings = new WeakMap<Db, string>()

export function connectionKey(db: Db): WorkspaceKey | null {
  return connectionKeys.get(db) ?? null
}

export function connectionBinding(db: Db): string | undefined {
  return connectionBindings.get(db)
}

/**
 * The SQLite3MultipleCiphers version of the loaded SQLite library, or null if
 * it is plain SQLite. Asked on a throw-away in-memory connection because on
 * an encrypted file every statement needs the key before it can be prepared.
 */
export function cipherLibraryVersion(nativeBinding?: string): string | null {
  const probe = new Database(':memory:', nativeBinding ? { nativeBinding } : {})
  try {
    const { version } = probe.prepare('SELECT sqlite3mc_version() AS version').get() as { version: unknown }
    return typeof version === 'string' && version.includes('Multiple Ciphers') ? version : null
  } catch {
    return null
  } finally {
    probe.close()
  }
}

/**
 * Fails closed: a plain SQLite build would silently ignore the key and write
 * plaintext, so before keying we check that the cipher library is there and
 * that this connection took the cipher settings.
 */
export function assertCipherActive(db: Db, libraryVersion: string | null = cipherLibraryVersion(connectionBinding(db))): void {
  if (!libraryVersion) {
    throw new ApiError('unsupported', 'This build of SQLite cannot encrypt: the workspace was not opened, so nothing is written in clear.')
  }
  const cipher = db.pragma('cipher', { simple: true })
  if (cipher !== CIPHER_NAME) {
    throw new ApiError('unsupported', `SQLite did not accept the cipher settings (it reports "${String(cipher)}"); the workspace was not opened.`)
  }
}

/** Configures the cipher and hands SQLite the key. Must run before anything reads or writes the file. */
export function applyKey(db: Db, key: WorkspaceKey): void {
  for (const pragma of CIPHER_PRAGMAS) db.pragma(pragma)
  assertCipherActive(db)
  db.key(keyMaterial(key))
  // Temporary tables and sort files are not encrypted: keep them in memory, never in the temp folder.
  db.pragma('temp_store = MEMORY')
  connectionKeys.set(db, key)
}

export function connect(path: string, options: ConnectOptions = {}): Db {
  const { nativeBinding } = options
  const db = new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? false,
    ...(nativeBinding ? { nativeBinding } : {})
  })
  if (nativeBinding) connectionBindings.set(db, nativeBinding)
  if (options.key) {
    try {
      applyKey(db, options.key)
    } catch (error) {
      db.close()
      throw error
    }
  }
  return db
}

/** Whether `key` opens the SQLite file `file` (null: it opens unencrypted), read-only and without changing it. */
export function opensWith(file: string, key: WorkspaceKey | null, options: NativeBindingOption = {}): boolean {
  try {
    const db = connect(file, { fileMustExist: true, readonly: true, key, nativeBinding: options.nativeBinding })
    try {
      db.pragma('application_id', { simple: true })
      return true
    } finally {
      db.close()
    }
  } catch {
    return false
  }
}
