import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { onTestFinished } from 'vitest'
import { createCallContext } from '../../main/api/call-context'
import type { CallName, InputOf, OutputOf } from '../../main/api/contract'
import type { ProgressUpdate } from '../../main/api/define-call'
import { callHandler } from '../../main/api/dispatch'
import type { WorkspaceKeyProvider } from '../../main/db/key-provider'
import type { CallContext } from '../../main/api/handler-types'
import { headlessHost, type Host } from '../../main/api/host'
import type { WorkspaceKeyStore } from '../../main/security/contract'
import type { OrganizationProfileInput } from '../../main/workspace/contract'
import { Session } from '../../main/workspace/session'

/** A folder under the OS temp dir, removed when the current test finishes. */
export function tempDir(prefix = 'safeguard-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

export interface TestSession {
  session: Session
  dir: string
  /** Calls a handler through the real validation and dispatch, as IPC and the CLI do. */
  call<K extends CallName>(
    name: K,
    input: InputOf<K>,
    options?: { onProgress?: (update: ProgressUpdate) => void; signal?: AbortSignal; host?: Host }
  ): Promise<OutputOf<K>>
  context(options?: { onProgress?: (update: ProgressUpdate) => void; signal?: AbortSignal; host?: Host }): CallContext
}

export interface TestSessionOptions {
  now?: () => Date
  /** The app's data folder, to play a restart of the app on an existing one. */
  dataDir?: string
  /** The test's folder, when something must be in it before the session starts (a device key store); else a fresh one. */
  dir?: string
  /** Where the session gets keys of encrypted workspaces (as the app's device key store or the CLI's passphrase would give them). */
  keyProvider?: WorkspaceKeyProvider
  /** The SQLite binding the session loads, as the Electron shell names its own build. */
  nativeBinding?: string
  /** The device key store the session keeps keys in, as the app's (test/helpers/device-keys.ts). */
  deviceKeyStore?: WorkspaceKeyStore
}

/**
 * A session with its own data folder (or `dataDir`, to play a restart of the
 * app on an existing one), closed when the test finishes.
 */
export function createTestSession(options: TestSessionOptions = {}): TestSession {
  const dir = options.dir ?? tempDir()
  const session = new Session({
    dataDir: options.dataDir ?? path.join(dir, 'data'),
    appVersion: '0.0.0-test',
    ...(options.now ? { now: options.now } : {}),
    ...(options.keyProvider ? { keyProvider: options.keyProvider } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.deviceKeyStore ? { deviceKeyStore: options.deviceKeyStore } : {})
  })
  onTestFinished(() => session.close())
  const context: TestSession['context'] = (callOptions = {}) => createCallContext(session, { host: callOptions.host ?? headlessHost, ...callOptions })
  return {
    session,
    dir,
    context,
    call: async (name, input, callOptions) => (await callHandler(name, input, context(callOptions))) as never
  }
}

export const TEST_ORGANIZATION: OrganizationProfileInput = {
  name: 'Harbor Family Practice',
  role: 'covered-entity',
  contactName: 'Dana Reyes',
  contactEmail: 'security@harbor.example',
  contactPhone: '555-0100',
  cloudProvider: 'aws'
}

/** A fresh workspace file in a temp folder, open in its own session: the usual start of a handler test. */
export async function createTestWorkspace(
  options: Omit<TestSessionOptions, 'dataDir'> & { organization?: Partial<OrganizationProfileInput> } = {}
): Promise<TestSession & { workspacePath: string }> {
  const { organization: _organization, ...sessionOptions } = options
  const test = createTestSession(sessionOptions)
  const workspacePath = path.join(test.dir, 'workspace.safeguard')
  await test.call('workspace.create', {
    path: workspacePath,
    organization: { ...TEST_ORGANIZATION, ...options.organization }
  })
  return { ...test, workspacePath }
}
