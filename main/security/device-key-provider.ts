import { ApiError } from '../shared/errors'
import type { WorkspaceKeyProvider } from '../db/key-provider'
import { WorkspaceKeyStore } from './key-store'
import { opensWith, type NativeBindingOption } from '../db/driver'

/**
 * The app's key provider: keys of existing workspaces come from this device's key
 * store, and every new workspace is encrypted with a new random key kept there
 * (remembered before the file exists, so nothing is ever written that no key opens).
 * Where the store cannot keep keys safely (no keyring, Linux basic_text) nothing is
 * created without a passphrase: the refusal's `details.reason` 'passphrase-needed'
 * tells the app to ask for one (at first start, for the default workspace).
 */
export function deviceKeyProvider(store: WorkspaceKeyStore, choices: NativeBindingOption = {}): WorkspaceKeyProvider {
  return {
    // A key change the app did not finish (it was killed) is settled here, the next time the workspace is opened.
    keyFor: file => store.reconciledKeyFor(file, key => opensWith(file, key, choices)),
    keyForNewWorkspace: file => {
      const reason = store.unavailableReason()
      if (reason) {
        throw new ApiError(
          'unsupported',
          `This computer cannot keep a workspace key safely (${reason}). Choose a passphrase for the new workspace.`,
          {
            reason: 'passphrase-needed'
          }
        )
      }
      const key = WorkspaceKeyStore.randomKey()
      store.remember(file, key)
      return key
    }
  }
}
