import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { ApiError } from '../shared/errors'
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
      recoveryKeySaved: z.boolean().optional()
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

  /** Null when keys can be remembered on this device, else the reason they cannot. */
  unavailableReason(): string | null {
    return this.wrapper.unavailableReason()
  }

  keyFor(workspacePath: string): WorkspaceKey | null {
    if (this.unavailableReason()) return null
    const entry = this.read().keys.find(candidate => candidate.path === path.resolve(workspacePath))
    if (!entry) return null
    let secret: Buffer
    try {
      secret = this.wrapper.unwrap(Buffer.from(entry.wrapped, 'base64'))
    } catch {
      // The secret store changed (new keyring, other user): the person must give the passphrase.
      return null
    }
    return entry.kind === 'raw' ? rawKey(secret) : passphraseKey(secret.toString('utf8'))
  }

  remember(workspacePath: string, key: WorkspaceKey): void {
    const reason = this.unavailableReason()
    if (reason) {
      throw new ApiError('unsupported', `This device cannot keep the workspace key safely (${reason}). Use a passphrase instead.`, {
        reason: 'no-secure-storage'
      })
    }
    const secret = key.kind === 'raw' ? key.key : Buffer.from(key.passphrase, 'utf8')
    const entry = { path: path.resolve(workspacePath), kind: key.kind, wrapped: this.wrapper.wrap(secret).toString('base64') }
    const stored = this.read()
    this.write({ version: 1, keys: [...stored.keys.filter(candidate => candidate.path !== entry.path), entry] })
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
    fs.renameSync(temp, this.file)
  }
}
