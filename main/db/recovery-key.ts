// The recovery key of a workspace kept by this device's secret store: its random
// key written out for a person to keep on paper or in a password manager. It opens
// the workspace when the secret store is lost (new computer, reset keyring) and,
// given as SAFEGUARD_PASSPHRASE, from the command line on any machine.

const GROUP = 4
/** A workspace's random key is 32 bytes (RAW_KEY_BYTES in workspace-key.ts). */
const HEX_DIGITS = 64

/** 32 bytes as 16 groups of 4 upper-case hex digits: `3F9A-…-07C2`. */
export function formatRecoveryKey(key: Buffer): string {
  const hex = key.toString('hex').toUpperCase()
  return hex.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-')
}

/**
 * The key in a typed or pasted recovery key, or null when the text is not one.
 * Spaces, dashes and case are forgiven: people copy keys from paper and PDFs.
 */
export function parseRecoveryKey(text: string): Buffer | null {
  const compact = text.replace(/[\s-]/g, '')
  if (compact.length !== HEX_DIGITS || !/^[0-9a-fA-F]+$/.test(compact)) return null
  // The grouped form or the bare hex; anything else with 64 hex digits is a passphrase.
  if (!/^[0-9a-fA-F]{64}$/.test(text.trim()) && !/^([0-9a-fA-F]{4}[\s-]+){15}[0-9a-fA-F]{4}$/.test(text.trim())) return null
  return Buffer.from(compact, 'hex')
}
