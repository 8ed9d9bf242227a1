import { ApiError } from '../shared/errors'
import { parseRecoveryKey } from './recovery-key'

/**
 * What unlocks an encrypted workspace: a passphrase a person types (the CLI,
 * or a workspace moved between machines), stretched by SQLCipher's KDF; or a
 * random 32-byte key the app keeps wrapped by the operating system's secret
 * store, used as a raw key (no KDF: it is already uniformly random).
 */
export type WorkspaceKey = { kind: 'passphrase'; passphrase: string } | { kind: 'raw'; key: Buffer }

export const RAW_KEY_BYTES = 32

/**
 * Cipher settings, applied before the key on every connection.
 * SQLCipher 4 format (AES-256-CBC, HMAC-SHA512 per page, PBKDF2-HMAC-SHA512
 * with 256,000 iterations) rather than SQLite3MultipleCiphers' own default
 * (ChaCha20-Poly1305): the same protection class, but a file that standard
 * SQLCipher tools can open with the passphrase, so a client's data is never
 * locked into this program.
 */
export const CIPHER_PRAGMAS = ["cipher = 'sqlcipher'", 'legacy = 4'] as const
export const CIPHER_NAME = 'sqlcipher'

const RAW_KEY_SYNTAX = /^x'[0-9a-f]*'$/i

export function passphraseKey(passphrase: string): WorkspaceKey {
  if (passphrase.length === 0) throw new ApiError('invalid-input', 'The passphrase is empty.')
  if (passphrase.length > 1024) throw new ApiError('invalid-input', 'The passphrase is longer than 1024 characters.')
  if (RAW_KEY_SYNTAX.test(passphrase)) {
    throw new ApiError('invalid-input', "A passphrase cannot have the form x'…' (SQLCipher would read it as a raw key).")
  }
  return { kind: 'passphrase', passphrase }
}

/**
 * What a person typed to unlock a workspace: a recovery key (see recovery-key.ts)
 * or a passphrase. New passphrases in the form of a recovery key are refused
 * (`newPassphraseKey`), so the two never clash.
 */
export function typedKey(text: string): WorkspaceKey {
  const recovery = parseRecoveryKey(text)
  return recovery ? rawKey(recovery) : passphraseKey(text)
}

/** A passphrase being chosen (not typed to unlock): it may not look like a recovery key. */
export function newPassphraseKey(passphrase: string): WorkspaceKey {
  if (parseRecoveryKey(passphrase)) throw new ApiError('invalid-input', 'A passphrase cannot have the form of a recovery key.')
  return passphraseKey(passphrase)
}

export function rawKey(key: Buffer): WorkspaceKey {
  if (key.length !== RAW_KEY_BYTES) throw new ApiError('invalid-input', `A workspace key must be ${RAW_KEY_BYTES} bytes, not ${key.length}.`)
  return { kind: 'raw', key: Buffer.from(key) }
}

/** The bytes handed to sqlite3_key: SQLCipher's x'<hex>' raw-key syntax, or the passphrase as UTF-8. */
export function keyMaterial(key: WorkspaceKey): Buffer {
  return key.kind === 'raw' ? Buffer.from(`x'${key.key.toString('hex')}'`, 'latin1') : Buffer.from(key.passphrase, 'utf8')
}
