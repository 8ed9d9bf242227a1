import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ApiError } from '../shared/errors'
import { connect, type Db, type NativeBindingOption } from './driver'

/** Who holds a workspace: written beside the lock so another program can name it in its refusal. */
export interface LockHolder {
  pid: number
  /** "the Safeguard app", "the safeguard command (import)"… */
  program: string
  host: string
  since: string
}

/**
 * The lock of one workspace path, held by one program from the moment it opens
 * the workspace until it closes it, and by any operation that replaces the file
 * (restore, encrypt, passphrase change). It is an exclusive SQLite lock on an
 * empty companion file (`.<name>.lock`): SQLite's own locking (fcntl on POSIX,
 * LockFileEx on Windows) is released by the operating system when the holder
 * dies, so a crash never leaves a stale lock, and two connections in one
 * process are kept apart as well as two processes.
 *
 * The lock file is left in place when the lock is released: removing it
 * while another program has just opened it would let two programs each lock
 * a different file of that name. It is empty, and it is never opened by
 * anything but SQLite: on POSIX, closing any other descriptor of it would
 * silently drop this process's lock.
 */
export class WorkspaceLock {
  private connection: Db | null

  constructor(
    /** The resolved workspace path this lock is for. */
    readonly file: string,
    connection: Db,
    private readonly holderFile: string
  ) {
    this.connection = connection
  }

  get held(): boolean {
    return this.connection !== null
  }

  /** Refuses work on `workspacePath` unless this lock is held and is that workspace's. */
  assertHolds(workspacePath: string): void {
    if (!this.held || lockedPath(workspacePath) !== this.file) {
      throw new ApiError('internal', `The lock for "${workspacePath}" is not held; nothing was changed.`)
    }
  }

  release(): void {
    if (!this.connection) return
    fs.rmSync(this.holderFile, { force: true })
    try {
      this.connection.exec('ROLLBACK')
    } finally {
      this.connection.close()
      this.connection = null
    }
  }
}

/** The workspace path a lock is keyed on: its folder's real path, so two spellings of one folder share a lock. */
function lockedPath(workspacePath: string): string {
  const resolved = path.resolve(workspacePath)
  let folder = path.dirname(resolved)
  try {
    folder = fs.realpathSync(folder)
  } catch {
    // A folder that does not exist yet: the caller's own check will say so.
  }
  return path.join(folder, path.basename(resolved))
}

export function lockFileOf(workspacePath: string): string {
  const file = lockedPath(workspacePath)
  return path.join(path.dirname(file), `.${path.basename(file)}.lock`)
}

function holderFileOf(workspacePath: string): string {
  return `${lockFileOf(workspacePath)}-holder.json`
}

/** Who holds the workspace's lock, as its holder wrote it; null when unknown. Only meaningful while the lock is taken. */
export function readLockHolder(workspacePath: string): LockHolder | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(holderFileOf(workspacePath), 'utf8')) as Partial<LockHolder>
    if (typeof parsed.pid !== 'number' || typeof parsed.program !== 'string' || typeof parsed.since !== 'string') return null
    return { pid: parsed.pid, program: parsed.program, host: typeof parsed.host === 'string' ? parsed.host : '', since: parsed.since }
  } catch {
    return null
  }
}

function describeHolder(holder: LockHolder | null): string {
  if (!holder) return 'another Safeguard program'
  const where = holder.host && holder.host !== os.hostname() ? `on ${holder.host}` : 'on this computer'
  const since = holder.since.slice(0, 16).replace('T', ' ')
  return `${holder.program} (process ${holder.pid} ${where}, since ${since} UTC)`
}

export interface LockOptions extends NativeBindingOption {
  /** Named to other programs that find the workspace in use. */
  program: string
  now?: () => Date
}

/**
 * Takes the workspace's lock or refuses at once with `in-use`, naming the
 * holder where it can. The workspace file itself is not touched.
 */
export function acquireWorkspaceLock(workspacePath: string, options: LockOptions): WorkspaceLock {
  const file = lockedPath(workspacePath)
  if (!fs.statSync(path.dirname(file), { throwIfNoEntry: false })?.isDirectory()) {
    throw new ApiError('not-found', `The folder "${path.dirname(file)}" does not exist.`)
  }
  const lockFile = lockFileOf(file)
  let connection: Db
  try {
    connection = connect(lockFile, { nativeBinding: options.nativeBinding })
  } catch (error) {
    throw new ApiError('read-only', `"${file}" cannot be locked for use (${(error as Error).message}). Check that you may write to its folder.`)
  }
  try {
    connection.pragma('busy_timeout = 0')
    connection.exec('BEGIN EXCLUSIVE')
  } catch (error) {
    connection.close()
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      throw new ApiError(
        'in-use',
        `"${file}" is in use by ${describeHolder(readLockHolder(file))}. Close it there, then try again. Nothing was changed.`,
        { reason: 'in-use', path: file }
      )
    }
    throw new ApiError('internal', `"${file}" could not be locked: ${(error as Error).message}`)
  }
  return new WorkspaceLock(file, connection, writeHolder(file, options))
}

function writeHolder(file: string, options: LockOptions): string {
  const holderFile = holderFileOf(file)
  const holder: LockHolder = { pid: process.pid, program: options.program, host: os.hostname(), since: (options.now?.() ?? new Date()).toISOString() }
  try {
    fs.writeFileSync(holderFile, `${JSON.stringify(holder)}\n`, { mode: 0o600 })
  } catch {
    // Naming the holder is a courtesy; the lock itself is what protects the file.
  }
  return holderFile
}

/**
 * Runs `work` holding the workspace's lock: `lock` when the caller holds it
 * already (the app replacing its open workspace), else one taken for the
 * duration (the command line), refused if another program holds it.
 */
export function withWorkspaceLock<T>(workspacePath: string, lock: WorkspaceLock | undefined, options: LockOptions, work: () => T): T {
  if (lock) {
    lock.assertHolds(workspacePath)
    return work()
  }
  const taken = acquireWorkspaceLock(workspacePath, options)
  try {
    return work()
  } finally {
    taken.release()
  }
}

/** Whether a file name is a workspace's lock file (`.<name>.lock`), which stays beside it. */
export function isWorkspaceLockFile(name: string): boolean {
  return /^\..+\.lock$/.test(name)
}
