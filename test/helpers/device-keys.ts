import path from 'node:path'
import { onTestFinished } from 'vitest'
import { useWorkspaceKeyProvider } from '../../main/db/key-provider'
import { useDeviceKeyStore, WorkspaceKeyStore, type SecretWrapper } from '../../main/security/key-store'

export { fakeSafeStorage } from './fake-safe-storage'

/** Installs a device key store in `dir` for this test (and the key provider reading it), removed when the test ends. */
export function storeIn(dir: string, wrapper: SecretWrapper) {
  const store = new WorkspaceKeyStore(path.join(dir, 'workspace-keys.json'), wrapper)
  useDeviceKeyStore(store)
  useWorkspaceKeyProvider({ keyFor: file => store.keyFor(file) })
  onTestFinished(() => {
    useDeviceKeyStore(null)
    useWorkspaceKeyProvider(null)
  })
  return store
}
