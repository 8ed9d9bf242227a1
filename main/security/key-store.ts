import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { ApiError } from '../shared/errors'
import { fsyncFile, renameDurably } from '../shared/fsync'
import { passphraseKey, RAW_KEY_BYTES, rawKey, type WorkspaceKey } from '../db/workspace-key'

/**
 * Protects small secrets with the operating system's secret store. The app
 * implements it with Electron's safeStorage (main/electron/safe-storage-wrapper.ts);
 * tests with a fake.
 */
export interface SecretWrapper {
  /** Null when wrapping really protects the secret; otherwise why not (no keyring, Linux basic_text…). */
  unavailableReason(): string | null
  wrap(secret: Buffer): Buffer
  unwrap(wrapped: Buffer): Buffer
}

const StoredKeys = z.strictObject({
  version: z.literal(1),
  keys: z.array(
    z.strictObject({
      path: z.string().min(1),
      kind: z.enum(['raw', 'passphrase']),
      wrapped: z.base64(),
      // The person said they keep the recovery key of this (raw) key somewhere safe.
      recoveryKeySaved: z.boolean().optional(),
      // A key change under way: the new key, kept beside the old one until the re-keyed file is in place.
      pending: z.strictObject({ kind: z.enum(['raw', 'passphrase']), wrapped: z.base64() }).optional()
    })
  )
})
type StoredKeys = z.infer<typeof StoredKeys>

/**
 * The app's workspace keys, one per workspace path, each stored only wrapped
 * by the OS secret store in one JSON file in the app's data folder (mode
 * 0600). A key is never written unwrapped: when the secret store cannot
 * protect it, remembering refuses and the person uses a passphrase instead.
 */
export class WorkspaceKeyStore {
  constructor(
    private readonly file: string,
    private readonly wrapper: SecretWrapper
  ) {}

  /** The file the keys are kept in. */
  get filePath(): string {
    return this.file
  }

  /** Null when keys can be remembered on this device, else the reason they cannot. */
  unavailableReason(): string | null {
    return this.wrapper.unavailableReason()
  }

  keyFor(workspacePath: string): WorkspaceKey | null {
    if (this.unavailableReason()) return null
    const entry = this.entryOf(workspacePath)
    return entry ? this.unwrapKey(entry) : null
  }

  /**
   * The key for the workspace when a key change may have been interrupted: of
   * the kept key and a pending new one, the one that `opens` the file is kept
   * and the other dropped. When neither opens it both are left as they are.
   */
  reconciledKeyFor(workspacePath: string, opens: (key: WorkspaceKey) => boolean): WorkspaceKey | null {
    if (this.unavailableReason()) return null
    const entry = this.entryOf(workspacePath)
    if (!entry) return null
    const current = this.unwrapKey(entry)
    if (!entry.pending) return current
    if (current && opens(current)) {
      this.dropPending(workspacePath)
      return current
    }
    const pending = this.unwrapKey(entry.pending)
    if (pending && opens(pending)) {
      this.promotePending(workspacePath)
      return pending
    }
    return current
  }

  remember(workspacePath: string, key: WorkspaceKey): void {
    const entry = { path: path.resolve(workspacePath), ...this.wrapKey(key) }
    const stored = this.read()
    this.write({ version: 1, keys: [...stored.keys.filter(candidate => candidate.path !== entry.path), entry] })
  }

  /** Keeps `key` beside the workspace's current key while the file is being re-keyed (see reconciledKeyFor). */
  rememberPending(workspacePath: string, key: WorkspaceKey): void {
    const file = path.resolve(workspacePath)
    const pending = this.wrapKey(key)
    const stored = this.read()
    if (!stored.keys.some(candidate => candidate.path === file)) {
      // Nothing kept for it yet (a passphrase workspace whose new key this device is to keep): the new key alone.
      this.write({ version: 1, keys: [...stored.keys, { path: file, ...pending }] })
      return
    }
    this.write({ version: 1, keys: stored.keys.map(candidate => (candidate.path === file ? { ...candidate, pending } : candidate)) })
  }

  /** The re-keyed file is in place: the pending key becomes the workspace's key (its recovery key not yet saved). */
  promotePending(workspacePath: string): void {
    const file = path.resolve(workspacePath)
    const stored = this.read()
    this.write({
      version: 1,
      keys: stored.keys.map(candidate =>
        candidate.path === file && candidate.pending ? { path: file, kind: candidate.pending.kind, wrapped: candidate.pending.wrapped } : candidate
      )
    })
  }

  /** The key change failed before the file changed: the pending key is dropped. */
  dropPending(workspacePath: string): void {
    const file = path.resolve(workspacePath)
    const stored = this.read()
    this.write({
      version: 1,
      keys: stored.keys.map(candidate => {
        if (candidate.path !== file || !candidate.pending) return candidate
        const { pending: _dropped, ...kept } = candidate
        return kept
      })
    })
  }

  private entryOf(workspacePath: string): StoredKeys['keys'][number] | undefined {
    return this.read().keys.find(candidate => candidate.path === path.resolve(workspacePath))
  }

  private unwrapKey(stored: { kind: 'raw' | 'passphrase'; wrapped: string }): WorkspaceKey | null {
    let secret: Buffer
    try {
      secret = this.wrapper.unwrap(Buffer.from(stored.wrapped, 'base64'))
    } catch {
      // The secret store changed (new keyring, other user): the person must give the passphrase.
      return null
    }
    return stored.kind === 'raw' ? rawKey(secret) : passphraseKey(secret.toString('utf8'))
  }

  private wrapKey(key: WorkspaceKey): { kind: WorkspaceKey['kind']; wrapped: string } {
    const reason = this.unavailableReason()
    if (reason) {
      throw new ApiError('unsupported', `This device cannot keep the workspace key safely (${reason}). Use a passphrase instead.`, {
        reason: 'no-secure-storage'
      })
    }
    const secret = key.kind === 'raw' ? key.key : Buffer.from(key.passphrase, 'utf8')
    return { kind: key.kind, wrapped: this.wrapper.wrap(secret).toString('base64') }
  }

  /** Whether the person said they keep the recovery key of the remembered key. */
  recoveryKeySaved(workspacePath: string): boolean {
    return this.read().keys.find(candidate => candidate.path === path.resolve(workspacePath))?.recoveryKeySaved === true
  }

  markRecoveryKeySaved(workspacePath: string): void {
    const stored = this.read()
    const file = path.resolve(workspacePath)
    if (!stored.keys.some(candidate => candidate.path === file))
      throw new ApiError('not-found', `No key for "${workspacePath}" is kept on this device.`)
    this.write({ version: 1, keys: stored.keys.map(candidate => (candidate.path === file ? { ...candidate, recoveryKeySaved: true } : candidate)) })
  }

  forget(workspacePath: string): void {
    const stored = this.read()
    this.write({ version: 1, keys: stored.keys.filter(candidate => candidate.path !== path.resolve(workspacePath)) })
  }

  /** A new random 32-byte key, for a workspace encrypted without a passphrase. */
  static randomKey(): WorkspaceKey {
    return rawKey(randomBytes(RAW_KEY_BYTES))
  }

  private read(): StoredKeys {
    if (!fs.existsSync(this.file)) return { version: 1, keys: [] }
    const parsed = StoredKeys.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')))
    if (!parsed.success) throw new ApiError('internal', `The key store "${this.file}" is damaged; it was left as it is.`)
    return parsed.data
  }

  private write(stored: StoredKeys): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true })
    const temp = `${this.file}.${randomBytes(4).toString('hex')}.tmp`
    fs.writeFileSync(temp, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 })
    // Synced before and after the rename: a key the file depends on must survive a power cut.
    fsyncFile(temp)
    renameDurably(temp, this.file)
  }
}
