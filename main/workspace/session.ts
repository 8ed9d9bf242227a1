import path from 'node:path'
import { ApiError } from '../shared/errors'
import type { Db } from '../db/driver'
import type { WorkspaceKeyProvider } from '../db/key-provider'
import { openWorkspaceDb, type OpenChoices } from '../db/open'
import type { WorkspaceKey } from '../db/workspace-key'
import { acquireWorkspaceLock, type WorkspaceLock } from '../db/workspace-lock'
import { removeLeftovers } from '../db/leftovers'
import type { WorkspaceKeyStore } from '../security/contract'
import { RecentStore } from './recent-store'

export interface OpenWorkspace {
  path: string
  db: Db
  /** Held for as long as the workspace is open here, so no other program writes to or replaces it meanwhile. */
  lock: WorkspaceLock
}

export interface SessionOptions {
  /** The app's data folder (recent list, default workspace). Null for the CLI, which keeps no state. */
  dataDir: string | null
  appVersion: string
  /** Clock used for timestamps; tests may fix it. */
  now?: () => Date
  /** Where keys of encrypted workspaces come from when none is given: the app's device key store, the CLI's passphrase. */
  keyProvider?: WorkspaceKeyProvider
  /** The SQLite binding to load: the Electron shell's copy built for Electron's ABI. Left out, the Node build. */
  nativeBinding?: string
  /** The app's device key store (keys kept by the OS secret store). Left out (the CLI), this program keeps no keys. */
  deviceKeyStore?: WorkspaceKeyStore
  /** How other programs name this one when they find a workspace in use ("the Safeguard app"). */
  programName?: string
}

/**
 * What one running program has open: at most one workspace at a time.
 * Electron keeps one Session for its window; the CLI makes one per command;
 * tests make one per case.
 */
export class Session {
  readonly dataDir: string | null
  readonly appVersion: string
  readonly recent: RecentStore | null
  readonly keyProvider: WorkspaceKeyProvider | null
  readonly nativeBinding: string | undefined
  readonly deviceKeyStore: WorkspaceKeyStore | null
  readonly programName: string
  private readonly clock: () => Date
  private openWorkspace: OpenWorkspace | null = null
  private queue: Promise<unknown> = Promise.resolve()

  constructor(options: SessionOptions) {
    this.dataDir = options.dataDir
    this.appVersion = options.appVersion
    this.recent = options.dataDir ? new RecentStore(options.dataDir) : null
    this.clock = options.now ?? (() => new Date())
    this.keyProvider = options.keyProvider ?? null
    this.nativeBinding = options.nativeBinding
    this.deviceKeyStore = options.deviceKeyStore ?? null
    this.programName = options.programName ?? 'another Safeguard program'
  }

  /** This program's key provider and SQLite binding, for opening or creating a workspace file (`openWorkspaceDb(file, session.openChoices)`). */
  get openChoices(): OpenChoices {
    return { keyProvider: this.keyProvider, nativeBinding: this.nativeBinding }
  }

  /**
   * Runs calls from a transport one at a time. Long work (an import streams a
   * file inside one transaction across awaits) must not interleave with
   * another call's writes on the same connection, which would join, and
   * could be rolled back with, that transaction.
   */
  serialize<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work)
    this.queue = run.catch(() => undefined)
    return run
  }

  now(): string {
    return this.clock().toISOString()
  }

  get current(): OpenWorkspace | null {
    return this.openWorkspace
  }

  requireWorkspace(): OpenWorkspace {
    if (!this.openWorkspace) {
      throw new ApiError('no-workspace', 'No workspace is open. Create a workspace or open one first.')
    }
    return this.openWorkspace
  }

  /**
   * Opens `file` as this session's workspace: takes its lock first (refused with
   * `in-use` when another program has it), clears what an interrupted operation
   * left beside it, then runs `open`. The previous workspace stays open if this
   * fails, and is closed once the new one is open.
   */
  openWith(file: string, open: () => Db): OpenWorkspace {
    const target = path.resolve(file)
    const previous = this.openWorkspace
    // Opening the open workspace again (after a profile change, say) keeps its lock.
    const sameFile = previous?.path === target
    const lock = sameFile
      ? previous.lock
      : acquireWorkspaceLock(target, { program: this.programName, nativeBinding: this.nativeBinding, now: this.clock })
    let db: Db
    try {
      if (!sameFile) removeLeftovers(target, lock)
      db = open()
    } catch (error) {
      if (!sameFile) lock.release()
      throw error
    }
    if (sameFile) previous.db.close()
    else this.close()
    this.openWorkspace = { path: target, db, lock }
    return this.openWorkspace
  }

  /**
   * Runs `work`, which replaces the open workspace's file (restore, encrypt, new
   * key), with the connection closed and the lock kept, so no other program can
   * open or write the file in between; then opens the file again with
   * `keyAfter(replaced)`, whether the work succeeded or not.
   */
  replaceOpenFile<T>(work: (workspace: { path: string; lock: WorkspaceLock }) => T, keyAfter: (replaced: boolean) => WorkspaceKey | null): T {
    const workspace = this.requireWorkspace()
    workspace.db.close()
    this.openWorkspace = null
    let replaced = false
    try {
      const result = work({ path: workspace.path, lock: workspace.lock })
      replaced = true
      return result
    } finally {
      let db: Db
      try {
        db = openWorkspaceDb(workspace.path, { ...this.openChoices, key: keyAfter(replaced) })
      } catch (error) {
        workspace.lock.release()
        // The workspace could not be opened again: that is the error the person must see.
        throw error
      }
      this.openWorkspace = { path: workspace.path, db, lock: workspace.lock }
    }
  }

  close(): void {
    if (this.openWorkspace) {
      const { db, lock } = this.openWorkspace
      this.openWorkspace = null
      try {
        db.close()
      } finally {
        lock.release()
      }
    }
  }

  defaultWorkspacePath(): string {
    if (!this.dataDir) throw new ApiError('unsupported', 'There is no data folder for a default workspace here.')
    return path.join(this.dataDir, 'workspaces', 'Default.safeguard')
  }
}
