import type { WorkspaceKey } from './workspace-key'

/**
 * Where keys come from when a caller opens a workspace without giving one:
 * the app's key store (safeStorage), the CLI's passphrase (environment or
 * prompt), or a test. Each program builds its Session with one; opening
 * and creating take it from there (`WorkspaceOpenOptions.keyProvider`).
 */
export interface WorkspaceKeyProvider {
  /** The key for an existing encrypted workspace, or null if this provider has none. */
  keyFor(file: string): WorkspaceKey | null
  /** The key a new workspace should be created with, or null to create it unencrypted (today's default). */
  keyForNewWorkspace?(file: string): WorkspaceKey | null
}
