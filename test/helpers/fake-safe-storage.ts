// Free of test-runner imports: used by Vitest tests and by the Playwright harness.

/** A stand-in for safeStorage: XOR with a per-device byte, so wrapped bytes differ from the secret and only this "device" can unwrap. */
export function fakeSafeStorage(backend: string, options: { available?: boolean; device?: number } = {}) {
  const device = options.device ?? 0x5c
  const flip = (bytes: Buffer) => Buffer.from(bytes.map(byte => byte ^ device))
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => backend as 'gnome_libsecret',
    encryptString: (text: string) => Buffer.concat([Buffer.from('v10'), flip(Buffer.from(text, 'utf8'))]),
    decryptString: (wrapped: Buffer) => {
      if (wrapped.subarray(0, 3).toString() !== 'v10') throw new Error('not ours')
      return flip(wrapped.subarray(3)).toString('utf8')
    }
  }
}
