import type { WorkspaceKeyProvider } from './key-provider'
import { WorkspaceKeyStore } from './key-store'

/**
 * The app's key provider: keys of existing workspaces come from this device's key
 * store, and every new workspace is encrypted with a new random key kept there
 * (remembered before the file exists, so nothing is ever written that no key opens).
 * Where the store cannot keep keys safely (no keyring, Linux basic_text) a new
 * workspace made without a passphrase starts unencrypted, and the app asks for a
 * passphrase to encrypt it (Dashboard and Settings → Protection).
 */
export function deviceKeyProvider(store: WorkspaceKeyStore): WorkspaceKeyProvider {
  return {
    keyFor: file => store.keyFor(file),
    keyForNewWorkspace: file => {
      if (store.unavailableReason()) return null
      const key = WorkspaceKeyStore.randomKey()
      store.remember(file, key)
      return key
    }
  }
}
