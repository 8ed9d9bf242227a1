import type { HandlersFor } from '../api/handler-types'
import { connectionKey } from '../db/driver'
import { openWorkspaceDb } from '../db/open'
import { summarize } from '../workspace/workspace-files'
import { createBackup } from './backup'
import { listBackupFiles } from './backup-files'
import type { backupCalls } from './contract'
import { restoreBackup } from './restore'

export const backupHandlers: HandlersFor<typeof backupCalls> = {
  'backup.list': (_input, ctx) => listBackupFiles(ctx.workspace().path),

  'backup.create': (_input, ctx) => {
    const { db, path } = ctx.workspace()
    return createBackup(db, path, { reason: 'manual' })
  },

  'backup.restore': (input, ctx) => {
    const { db, path } = ctx.workspace()
    const key = connectionKey(db)
    ctx.session.close()
    let outcome: ReturnType<typeof restoreBackup> | null = null
    try {
      outcome = restoreBackup(path, input.file, key, ctx.session.openChoices)
    } finally {
      // Restored or not, the workspace is opened again: the user is never left without it.
      ctx.session.adopt(path, openWorkspaceDb(path, { ...ctx.session.openChoices, key }))
    }
    const reopened = ctx.workspace()
    return { restoredFrom: outcome.restoredFrom, safetyCopy: outcome.safetyCopy, workspace: summarize(reopened.path, reopened.db) }
  }
}
