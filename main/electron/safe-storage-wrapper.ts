import type { SafeStorage } from 'electron'
import type { SecretWrapper } from '../security/key-store'

/**
 * Workspace keys wrapped by Electron's safeStorage (Keychain on macOS, DPAPI
 * on Windows, kwallet/libsecret on Linux). On Linux without a keyring,
 * safeStorage falls back to 'basic_text', a hard-coded password: that is
 * refused, so the key store never writes a key it cannot protect.
 */
export function createSafeStorageWrapper(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'>,
  platform: NodeJS.Platform = process.platform
): SecretWrapper {
  return {
    unavailableReason() {
      if (!safeStorage.isEncryptionAvailable()) return 'the operating system offers no secret store to this app'
      if (platform === 'linux') {
        const backend = safeStorage.getSelectedStorageBackend()
        if (backend === 'basic_text' || backend === 'unknown') return `no keyring is running (Electron would use its "${backend}" fallback)`
      }
      return null
    },
    wrap: secret => safeStorage.encryptString(secret.toString('base64')),
    unwrap: wrapped => Buffer.from(safeStorage.decryptString(wrapped), 'base64')
  }
}
