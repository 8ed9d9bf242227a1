import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../shared/errors'
import type { HandlersFor } from '../api/handler-types'
import { connectionKey } from '../db/driver'
import { openWorkspaceDb } from '../db/open'
import type { OpenWorkspace } from '../workspace/session'
import { summarize } from '../workspace/workspace-files'
import type { securityCalls, WorkspaceSecurity } from './contract'
import { changeWorkspaceKey, encryptWorkspace } from './encrypt-workspace'
import { WorkspaceKeyStore } from './key-store'
import { deviceKeysUnavailableReason, usableDeviceStore } from './new-workspace-key'
import { formatRecoveryKey } from '../db/recovery-key'
import { crashPoint } from '../shared/crash-points'
import { newPassphraseKey, typedKey } from '../db/workspace-key'

function deviceKeys(store: WorkspaceKeyStore | null): WorkspaceSecurity['deviceKeys'] {
  const reason = deviceKeysUnavailableReason(store)
  return { usable: reason === null, reason }
}

/** `store`: the session's device key store (null where the program keeps no keys). */
function securityOf(workspace: OpenWorkspace, store: WorkspaceKeyStore | null): WorkspaceSecurity {
  const key = connectionKey(workspace.db)
  const devices = deviceKeys(store)
  return {
    path: workspace.path,
    encrypted: key !== null,
    keySource: key === null ? null : key.kind === 'raw' ? 'device' : 'passphrase',
    deviceKeys: devices,
    recoveryKeySaved: key?.kind === 'raw' ? (store && devices.usable ? store.recoveryKeySaved(workspace.path) : false) : null
  }
}

/** The raw key of the open workspace, for its recovery key; refused for other workspaces. */
function deviceKeyOf(workspace: OpenWorkspace): Buffer {
  const key = connectionKey(workspace.db)
  if (key?.kind !== 'raw') {
    throw new ApiError('conflict', key ? 'This workspace is opened with a passphrase; it has no recovery key.' : 'This workspace is not encrypted.')
  }
  return key.key
}

function recoveryKeyDocument(workspacePath: string, recoveryKey: string, now: string): string {
  return [
    'Safeguard workspace recovery key',
    '',
    `Workspace: ${path.basename(workspacePath)}`,
    `Written:   ${now.slice(0, 10)}`,
    '',
    `    ${recoveryKey}`,
    '',
    'This key opens the workspace when the computer that keeps its key is lost or reset,',
    'and on any other computer (type it where Safeguard asks for the passphrase, or set',
    'SAFEGUARD_PASSPHRASE to it for the safeguard command). Anyone with this key and the',
    'workspace file can read it: keep this file away from the workspace, for example in a',
    'password manager or on a USB stick kept apart, and delete other copies.',
    ''
  ].join('\n')
}

export const securityHandlers: HandlersFor<typeof securityCalls> = {
  'security.deviceKeys': (_input, ctx) => deviceKeys(ctx.session.deviceKeyStore),

  'security.status': (_input, ctx) => securityOf(ctx.workspace(), ctx.session.deviceKeyStore),

  'security.encrypt': (input, ctx) => {
    const workspace = ctx.workspace()
    if (connectionKey(workspace.db)) throw new ApiError('conflict', `"${workspace.path}" is already encrypted.`)
    const key = input.passphrase ? newPassphraseKey(input.passphrase) : WorkspaceKeyStore.randomKey()
    const mustRemember = !input.passphrase || input.rememberOnDevice
    const store = mustRemember ? usableDeviceStore(ctx.session.deviceKeyStore) : null
    const file = workspace.path
    // Remembered before the file changes, so no moment exists where nothing can open it.
    store?.remember(file, key)
    try {
      ctx.session.replaceOpenFile(
        ({ path, lock }) => encryptWorkspace(path, key, { ...ctx.session.openChoices, lock }),
        encrypted => (encrypted ? key : null)
      )
    } catch (error) {
      if (ctx.session.current && !connectionKey(ctx.session.current.db)) store?.forget(file)
      throw error
    }
    return securityOf(ctx.workspace(), ctx.session.deviceKeyStore)
  },

  'security.unlock': (input, ctx) => {
    const file = path.resolve(input.path)
    const key = typedKey(input.passphrase)
    const store = ctx.session.deviceKeyStore
    if (input.rememberOnDevice && !store) {
      throw new ApiError('unsupported', 'This program keeps no keys; the passphrase will be asked again next time.')
    }
    // Opened under the workspace's lock (openWith), so nothing else writes to it while it is brought up to date.
    const workspace = ctx.session.openWith(file, () => {
      const db = openWorkspaceDb(file, { ...ctx.session.openChoices, key })
      try {
        summarize(file, db)
        if (input.rememberOnDevice && store) {
          store.remember(file, key)
          // Opened with its recovery key: the person has it, so no reminder to save it.
          if (key.kind === 'raw') store.markRecoveryKeySaved(file)
        }
        return db
      } catch (error) {
        db.close()
        throw error
      }
    })
    const summary = summarize(workspace.path, workspace.db)
    ctx.session.recent?.remember({ path: summary.path, organizationName: summary.organization.name, lastOpenedAt: ctx.session.now() })
    return summary
  },

  'security.recoveryKey': (_input, ctx) => ({ recoveryKey: formatRecoveryKey(deviceKeyOf(ctx.workspace())) }),

  'security.saveRecoveryKey': async (_input, ctx) => {
    const workspace = ctx.workspace()
    const recoveryKey = formatRecoveryKey(deviceKeyOf(workspace))
    const target = await ctx.host.pickSavePath({
      title: 'Save the recovery key',
      defaultName: `${path.basename(workspace.path, path.extname(workspace.path))} recovery key.txt`,
      filters: [{ name: 'Text', extensions: ['txt'] }]
    })
    if (!target) return null
    // The dialog asked before replacing a file; a new file (never a link planted there) that only its owner may read.
    fs.rmSync(target, { force: true })
    fs.writeFileSync(target, recoveryKeyDocument(workspace.path, recoveryKey, ctx.session.now()), { mode: 0o600, flag: 'wx' })
    ctx.session.deviceKeyStore?.markRecoveryKeySaved(workspace.path)
    return { path: target }
  },

  'security.confirmRecoveryKeySaved': (_input, ctx) => {
    const workspace = ctx.workspace()
    deviceKeyOf(workspace)
    usableDeviceStore(ctx.session.deviceKeyStore).markRecoveryKeySaved(workspace.path)
    return securityOf(workspace, ctx.session.deviceKeyStore)
  },

  'security.changeKey': (input, ctx) => {
    const workspace = ctx.workspace()
    const from = connectionKey(workspace.db)
    if (!from) throw new ApiError('conflict', `"${workspace.path}" is not encrypted; encrypt it first.`)
    const to = input.passphrase ? newPassphraseKey(input.passphrase) : WorkspaceKeyStore.randomKey()
    const remember = !input.passphrase || input.rememberOnDevice
    const store = remember ? usableDeviceStore(ctx.session.deviceKeyStore) : ctx.session.deviceKeyStore
    const file = workspace.path
    const keeps = store !== null && !store.unavailableReason() && store.keyFor(file) !== null
    // Both keys are kept until the re-keyed file is durably in place; if the program dies in between, the next
    // open keeps whichever of the two opens the file (WorkspaceKeyStore.reconcile).
    if (remember) store!.rememberPending(file, to)
    let changed = false
    try {
      ctx.session.replaceOpenFile(
        ({ path, lock }) => {
          const result = changeWorkspaceKey(path, from, to, { ...ctx.session.openChoices, lock })
          changed = true
          return result
        },
        replaced => (replaced ? to : from)
      )
    } catch (error) {
      if (remember && !changed) {
        if (keeps) store!.dropPending(file)
        else store!.forget(file)
      }
      throw error
    }
    crashPoint('change-key-before-store')
    if (remember) store!.promotePending(file)
    // A passphrase not kept on this device: the old key opens nothing now.
    else if (keeps) store!.forget(file)
    return securityOf(ctx.workspace(), ctx.session.deviceKeyStore)
  }
}
