import path from 'node:path'
import { ApiError } from '../shared/errors'
import type { Db } from '../db/driver'
import type { WorkspaceKeyProvider } from '../db/key-provider'
import type { OpenChoices } from '../db/open'
import type { WorkspaceKeyStore } from '../security/contract'
import { RecentStore } from './recent-store'

export interface OpenWorkspace {
  path: string
  db: Db
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

  /** Makes `db` the open workspace, closing the previous one. */
  adopt(file: string, db: Db): OpenWorkspace {
    this.close()
    this.openWorkspace = { path: path.resolve(file), db }
    return this.openWorkspace
  }

  close(): void {
    if (this.openWorkspace) {
      this.openWorkspace.db.close()
      this.openWorkspace = null
    }
  }

  defaultWorkspacePath(): string {
    if (!this.dataDir) throw new ApiError('unsupported', 'There is no data folder for a default workspace here.')
    return path.join(this.dataDir, 'workspaces', 'Default.safeguard')
  }
}
