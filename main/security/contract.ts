import { z } from 'zod'
import { defineCall } from '../api/define-call'
import type { WorkspaceSummary } from '../workspace/contract'
import { filePathSchema, NewPassphrase } from '../shared/schemas'

// The device key store's type, so the Session can hold one without reaching into this feature.
export type { WorkspaceKeyStore } from './key-store'

export interface WorkspaceSecurity {
  path: string
  encrypted: boolean
  /** 'device': a random key kept by this device's secret store; 'passphrase': a passphrase; null when not encrypted. */
  keySource: 'device' | 'passphrase' | null
  /** Whether this device can keep keys safely, and if not why (a passphrase is then the only way). */
  deviceKeys: { usable: boolean; reason: string | null }
  /** For a device key: whether the person saved its recovery key (null for other workspaces). */
  recoveryKeySaved: boolean | null
}

const Passphrase = NewPassphrase
const WorkspacePath = filePathSchema()

/**
 * How a new workspace is protected: 'device' (a random key kept by this device's
 * secret store, with a recovery key to write down), 'passphrase', or 'none' (the
 * command line's explicit --unencrypted). Left out: the program's default (the app
 * encrypts with a device key where it can; the CLI uses SAFEGUARD_PASSPHRASE).
 */
export const NewWorkspaceProtection = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('device') }),
  z.strictObject({ kind: z.literal('passphrase'), passphrase: Passphrase, rememberOnDevice: z.boolean().default(false) }),
  z.strictObject({ kind: z.literal('none') })
])
export type NewWorkspaceProtection = z.infer<typeof NewWorkspaceProtection>

export const securityCalls = {
  /** Whether this device can keep workspace keys (no workspace needs to be open). */
  'security.deviceKeys': defineCall<WorkspaceSecurity['deviceKeys']>()(z.strictObject({})),
  'security.status': defineCall<WorkspaceSecurity>()(z.strictObject({})),
  /**
   * Encrypts the open (unencrypted) workspace and its backups. With a passphrase, that
   * passphrase opens it anywhere; without one, a random key kept by this device's secret
   * store does (refused where the device cannot keep it safely).
   */
  'security.encrypt': defineCall<WorkspaceSecurity>()(
    z.strictObject({ passphrase: Passphrase.optional(), rememberOnDevice: z.boolean().default(false) })
  ),
  /** Opens an encrypted workspace with its passphrase or recovery key, optionally remembering it on this device. */
  'security.unlock': defineCall<WorkspaceSummary>()(
    z.strictObject({ path: WorkspacePath, passphrase: z.string().min(1).max(1024), rememberOnDevice: z.boolean().default(false) })
  ),
  /** The recovery key of the open workspace, when this device's key protects it. */
  'security.recoveryKey': defineCall<{ recoveryKey: string }>()(z.strictObject({})),
  /** Writes the recovery key to a text file the person chooses (null when they cancel), and notes it was saved. */
  'security.saveRecoveryKey': defineCall<{ path: string } | null>()(z.strictObject({})),
  /** Notes that the person keeps the recovery key (written down, in a password manager). */
  'security.confirmRecoveryKeySaved': defineCall<WorkspaceSecurity>()(z.strictObject({})),
  /**
   * Gives the open encrypted workspace and its backups a new key: a passphrase (which then
   * opens it on any machine; optionally also remembered here), or without one a new key
   * kept by this device (with a new recovery key).
   */
  'security.changeKey': defineCall<WorkspaceSecurity>()(
    z.strictObject({ passphrase: Passphrase.optional(), rememberOnDevice: z.boolean().default(false) })
  )
}
