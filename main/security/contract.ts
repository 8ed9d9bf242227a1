import { z } from 'zod'
import { defineCall } from '../api/define-call'
import type { WorkspaceSummary } from '../workspace/contract'

export interface WorkspaceSecurity {
  path: string
  encrypted: boolean
  /** 'device': a random key kept by this device's secret store; 'passphrase': a passphrase; null when not encrypted. */
  keySource: 'device' | 'passphrase' | null
  /** Whether this device can keep keys safely, and if not why (a passphrase is then the only way). */
  deviceKeys: { usable: boolean; reason: string | null }
}

const Passphrase = z.string().min(8, 'Use at least 8 characters').max(1024)
const WorkspacePath = z
  .string()
  .trim()
  .min(1)
  .max(4096)
  .refine(value => !value.includes('\0'), 'A path cannot contain a NUL character')

export const securityCalls = {
  'security.status': defineCall<WorkspaceSecurity>()(z.strictObject({})),
  /**
   * Encrypts the open (unencrypted) workspace and its backups. With a passphrase, that
   * passphrase opens it anywhere; without one, a random key kept by this device's secret
   * store does (refused where the device cannot keep it safely).
   */
  'security.encrypt': defineCall<WorkspaceSecurity>()(
    z.strictObject({ passphrase: Passphrase.optional(), rememberOnDevice: z.boolean().default(false) })
  ),
  /** Opens an encrypted workspace with its passphrase, optionally remembering it on this device. */
  'security.unlock': defineCall<WorkspaceSummary>()(
    z.strictObject({ path: WorkspacePath, passphrase: z.string().min(1).max(1024), rememberOnDevice: z.boolean().default(false) })
  )
}
