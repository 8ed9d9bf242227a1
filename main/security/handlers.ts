import path from 'node:path'
import { ApiError } from '../api/errors'
import type { HandlersFor } from '../api/handler-types'
import { connectionKey } from '../db/driver'
import { openWorkspaceDb } from '../db/open'
import type { OpenWorkspace } from '../workspace/session'
import { summarize } from '../workspace/workspace-files'
import type { securityCalls, WorkspaceSecurity } from './contract'
import { encryptWorkspace } from './encrypt-workspace'
import { currentDeviceKeyStore, WorkspaceKeyStore } from './key-store'
import { passphraseKey } from './workspace-key'

function deviceKeys(): WorkspaceSecurity['deviceKeys'] {
  const store = currentDeviceKeyStore()
  const reason = store ? store.unavailableReason() : 'this program keeps no keys (use a passphrase)'
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
  'security.status': (_input, ctx) => securityOf(ctx.workspace()),

  'security.encrypt': (input, ctx) => {
    const workspace = ctx.workspace()
    if (connectionKey(workspace.db)) throw new ApiError('conflict', `"${workspace.path}" is already encrypted.`)
    const store = currentDeviceKeyStore()
    const key = input.passphrase ? passphraseKey(input.passphrase) : WorkspaceKeyStore.randomKey()
    const mustRemember = !input.passphrase || input.rememberOnDevice
    if (mustRemember) {
      const reason = deviceKeys().reason
      if (!store || reason) {
        throw new ApiError('unsupported', `This device cannot keep the key safely (${reason}). Choose a passphrase instead.`, {
          reason: 'no-secure-storage'
        })
      }
    }
    const file = workspace.path
    ctx.session.close()
    let encrypted = false
    try {
      encryptWorkspace(file, key)
      encrypted = true
      if (mustRemember) store!.remember(file, key)
    } finally {
      ctx.session.adopt(file, openWorkspaceDb(file, { key: encrypted ? key : null }))
    }
    return securityOf(ctx.workspace())
  },

  'security.unlock': (input, ctx) => {
    const file = path.resolve(input.path)
    const key = passphraseKey(input.passphrase)
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
  }
}
