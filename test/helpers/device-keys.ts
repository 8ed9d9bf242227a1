import path from 'node:path'
import type { WorkspaceKeyProvider } from '../../main/db/key-provider'
import { WorkspaceKeyStore, type SecretWrapper } from '../../main/security/key-store'
import { createTestSession, createTestWorkspace, tempDir } from './workspace'

export { fakeSafeStorage } from './fake-safe-storage'

/** A device key store in `dir`, as the app keeps one in its data folder. */
export function storeIn(dir: string, wrapper: SecretWrapper): WorkspaceKeyStore {
  return new WorkspaceKeyStore(path.join(dir, 'workspace-keys.json'), wrapper)
}

/** Keys of existing workspaces from `store`; new workspaces are made as without a provider (unencrypted unless asked). */
function keysFrom(store: WorkspaceKeyStore): WorkspaceKeyProvider {
  return { keyFor: file => store.keyFor(file) }
}

/** A computer whose OS secret store is `wrapper`: its device key store in a fresh test folder, kept by the session, and keys read from it. */
function deviceKeys(wrapper: SecretWrapper): {
  store: WorkspaceKeyStore
  options: { dir: string; keyProvider: WorkspaceKeyProvider; deviceKeyStore: WorkspaceKeyStore }
} {
  const dir = tempDir()
  const store = storeIn(dir, wrapper)
  return { store, options: { dir, keyProvider: keysFrom(store), deviceKeyStore: store } }
}

/** A test session on a computer whose OS secret store is `wrapper`, as the app starts: its session keeps keys in, and reads them from, the device key store. */
export function sessionWithDeviceKeys(wrapper: SecretWrapper) {
  const { store, options } = deviceKeys(wrapper)
  return { ...createTestSession(options), store }
}

/** A test workspace (createTestWorkspace) likewise. */
export async function workspaceWithDeviceKeys(wrapper: SecretWrapper) {
  const { store, options } = deviceKeys(wrapper)
  return { ...(await createTestWorkspace(options)), store }
}
