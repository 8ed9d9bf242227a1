import type { WorkspaceKey } from './workspace-key'

/**
 * Where keys come from when a caller opens a workspace without giving one:
 * the app's key store (safeStorage), the CLI's passphrase (environment or
 * prompt), or a test. One per process, set at start-up by the program.
 */
export interface WorkspaceKeyProvider {
  /** The key for an existing encrypted workspace, or null if this provider has none. */
  keyFor(file: string): WorkspaceKey | null
  /** The key a new workspace should be created with, or null to create it unencrypted (today's default). */
  keyForNewWorkspace?(file: string): WorkspaceKey | null
}

let provider: WorkspaceKeyProvider | null = null

export function useWorkspaceKeyProvider(next: WorkspaceKeyProvider | null): void {
  provider = next
}

export function workspaceKeyFor(file: string): WorkspaceKey | null {
  return provider?.keyFor(file) ?? null
}

export function newWorkspaceKeyFor(file: string): WorkspaceKey | null {
  return provider?.keyForNewWorkspace?.(file) ?? null
}
