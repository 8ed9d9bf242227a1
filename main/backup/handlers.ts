import type { HandlersFor } from '../api/handler-types'
import { connectionKey } from '../db/driver'
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
    const { db } = ctx.workspace()
    const key = connectionKey(db)
    // The lock is kept while the file is replaced, and the workspace is opened again whether the restore worked or not.
    const outcome = ctx.session.replaceOpenFile(
      ({ path, lock }) => restoreBackup(path, input.file, key, { ...ctx.session.openChoices, lock }),
      () => key
    )
    const reopened = ctx.workspace()
    return { restoredFrom: outcome.restoredFrom, safetyCopy: outcome.safetyCopy, workspace: summarize(reopened.path, reopened.db) }
  }
}
