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
    ctx.session.close()
    let encrypted = false
    try {
      encryptWorkspace(file, key, ctx.session.openChoices)
      encrypted = true
    } catch (error) {
      store?.forget(file)
      throw error
    } finally {
      ctx.session.adopt(file, openWorkspaceDb(file, { ...ctx.session.openChoices, key: encrypted ? key : null }))
    }
    return securityOf(ctx.workspace(), ctx.session.deviceKeyStore)
  },

  'security.unlock': (input, ctx) => {
    const file = path.resolve(input.path)
    const key = typedKey(input.passphrase)
    const db = openWorkspaceDb(file, { ...ctx.session.openChoices, key })
    let summary
    try {
      summary = summarize(file, db)
    } catch (error) {
      db.close()
      throw error
    }
    if (input.rememberOnDevice) {
      const store = ctx.session.deviceKeyStore
      if (!store) {
        db.close()
        throw new ApiError('unsupported', 'This program keeps no keys; the passphrase will be asked again next time.')
      }
      try {
        store.remember(file, key)
        // Opened with its recovery key: the person has it, so no reminder to save it.
        if (key.kind === 'raw') store.markRecoveryKeySaved(file)
      } catch (error) {
        db.close()
        throw error
      }
    }
    ctx.session.adopt(file, db)
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
    const remembered = store && !store.unavailableReason() ? store.keyFor(file) : null
    // As when encrypting: the new key is kept before the file changes, and the old one put back if it fails.
    if (remember) store!.remember(file, to)
    ctx.session.close()
    let changed = false
    try {
      changeWorkspaceKey(file, from, to, ctx.session.openChoices)
      changed = true
    } catch (error) {
      if (remember) {
        if (remembered) store!.remember(file, remembered)
        else store!.forget(file)
      }
      throw error
    } finally {
      ctx.session.adopt(file, openWorkspaceDb(file, { ...ctx.session.openChoices, key: changed ? to : from }))
    }
    // The old key opens nothing now.
    if (!remember && remembered) store!.forget(file)
    return securityOf(ctx.workspace(), ctx.session.deviceKeyStore)
  }
}
