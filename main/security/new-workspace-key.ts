import { ApiError } from '../shared/errors'
import type { NewWorkspaceProtection } from './contract'
import { WorkspaceKeyStore } from './key-store'
import { newPassphraseKey, type WorkspaceKey } from '../db/workspace-key'

/** Why this device cannot keep workspace keys in `store` (the session's, null where the program keeps none), or null when it can. */
export function deviceKeysUnavailableReason(store: WorkspaceKeyStore | null): string | null {
  return store ? store.unavailableReason() : 'this program keeps no keys (use a passphrase)'
}

/** The device's key store `store`, or an error saying why keys cannot be kept here. */
export function usableDeviceStore(store: WorkspaceKeyStore | null): WorkspaceKeyStore {
  const reason = deviceKeysUnavailableReason(store)
  if (!store || reason) {
    throw new ApiError('unsupported', `This device cannot keep the key safely (${reason}). Choose a passphrase instead.`, {
      reason: 'no-secure-storage'
    })
  }
  return store
}

/**
 * Creates a workspace under the protection asked for: `create(key)` makes the file
 * (key undefined: the program's default), remembering keys in `deviceKeyStore`
 * (the session's) when asked. A device key is remembered before the
 * file exists, so a workspace is never left that nothing can open, and forgotten
 * again if creating fails.
 */
export function createProtected<T>(
  file: string,
  protection: NewWorkspaceProtection | undefined,
  deviceKeyStore: WorkspaceKeyStore | null,
  create: (key: WorkspaceKey | null | undefined) => T
): T {
  if (!protection) return create(undefined)
  if (protection.kind === 'none') return create(null)
  const remember = protection.kind === 'device' || protection.rememberOnDevice
  const key = protection.kind === 'device' ? WorkspaceKeyStore.randomKey() : newPassphraseKey(protection.passphrase)
  const store = remember ? usableDeviceStore(deviceKeyStore) : null
  store?.remember(file, key)
  try {
    return create(key)
  } catch (error) {
    store?.forget(file)
    throw error
  }
}
