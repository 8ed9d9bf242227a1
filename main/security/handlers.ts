import path from 'node:path'
import { ApiError } from '../api/errors'
import type { HandlersFor } from '../api/handler-types'
import { connectionKey } from '../db/driver'
import { openWorkspaceDb } from '../db/open'
import type { OpenWorkspace } from '../workspace/session'
import { summarize } from '../workspace/workspace-files'
import type { securityCalls, WorkspaceSecurity } from './contract'
import { changeWorkspaceKey, encryptWorkspace } from './encrypt-workspace'
import { currentDeviceKeyStore, WorkspaceKeyStore } from './key-store'
import { deviceKeysUnavailableReason, usableDeviceStore } from './new-workspace-key'
import { formatRecoveryKey } from './recovery-key'
import { newPassphraseKey, typedKey } from './workspace-key'

function deviceKeys(): WorkspaceSecurity['deviceKeys'] {
  const reason = deviceKeysUnavailableReason()
  return { usable: reason === null, reason }
}

function securityOf(workspace: OpenWorkspace): WorkspaceSecurity {
  const key = connectionKey(workspace.db)
  return {
    path: workspace.path,
    encrypted: key !== null,
    keySource: key === null ? null : key.kind === 'raw' ? 'device' : 'passphrase',
    deviceKeys: deviceKeys()
  }
}

export const securityHandlers: HandlersFor<typeof securityCalls> = {
  'security.deviceKeys': () => deviceKeys(),

  'security.status': (_input, ctx) => securityOf(ctx.workspace()),

  'security.encrypt': (input, ctx) => {
    const workspace = ctx.workspace()
    if (connectionKey(workspace.db)) throw new ApiError('conflict', `"${workspace.path}" is already encrypted.`)
    const key = input.passphrase ? newPassphraseKey(input.passphrase) : WorkspaceKeyStore.randomKey()
    const mustRemember = !input.passphrase || input.rememberOnDevice
    const store = mustRemember ? usableDeviceStore() : null
    const file = workspace.path
    // Remembered before the file changes, so no moment exists where nothing can open it.
    store?.remember(file, key)
    ctx.session.close()
    let encrypted = false
    try {
      encryptWorkspace(file, key)
      encrypted = true
    } catch (error) {
      store?.forget(file)
      throw error
    } finally {
      ctx.session.adopt(file, openWorkspaceDb(file, { key: encrypted ? key : null }))
    }
    return securityOf(ctx.workspace())
  },

  'security.unlock': (input, ctx) => {
    const file = path.resolve(input.path)
    const key = typedKey(input.passphrase)
    const db = openWorkspaceDb(file, { key })
    let summary
    try {
      summary = summarize(file, db)
    } catch (error) {
      db.close()
      throw error
    }
    if (input.rememberOnDevice) {
      const store = currentDeviceKeyStore()
      if (!store) {
        db.close()
        throw new ApiError('unsupported', 'This program keeps no keys; the passphrase will be asked again next time.')
      }
      try {
        store.remember(file, key)
      } catch (error) {
        db.close()
        throw error
      }
    }
    ctx.session.adopt(file, db)
    ctx.session.recent?.remember({ path: summary.path, organizationName: summary.organization.name, lastOpenedAt: ctx.session.now() })
    return summary
  },

  'security.recoveryKey': (_input, ctx) => {
    const workspace = ctx.workspace()
    const key = connectionKey(workspace.db)
    if (key?.kind !== 'raw') {
      throw new ApiError('conflict', key ? 'This workspace is opened with a passphrase; it has no recovery key.' : 'This workspace is not encrypted.')
    }
    return { recoveryKey: formatRecoveryKey(key.key) }
  },

  'security.changeKey': (input, ctx) => {
    const workspace = ctx.workspace()
    const from = connectionKey(workspace.db)
    if (!from) throw new ApiError('conflict', `"${workspace.path}" is not encrypted; encrypt it first.`)
    const to = input.passphrase ? newPassphraseKey(input.passphrase) : WorkspaceKeyStore.randomKey()
    const remember = !input.passphrase || input.rememberOnDevice
    const store = remember ? usableDeviceStore() : currentDeviceKeyStore()
    const file = workspace.path
    const remembered = store && !store.unavailableReason() ? store.keyFor(file) : null
    // As when encrypting: the new key is kept before the file changes, and the old one put back if it fails.
    if (remember) store!.remember(file, to)
    ctx.session.close()
    let changed = false
    try {
      changeWorkspaceKey(file, from, to)
      changed = true
    } catch (error) {
      if (remember) {
        if (remembered) store!.remember(file, remembered)
        else store!.forget(file)
      }
      throw error
    } finally {
      ctx.session.adopt(file, openWorkspaceDb(file, { key: changed ? to : from }))
    }
    // The old key opens nothing now.
    if (!remember && remembered) store!.forget(file)
    return securityOf(ctx.workspace())
  }
}
