import path from 'node:path'
import type { Db } from '../db/driver'
import { ApiError } from '../shared/errors'
import { checkRegisterFile, type RegisterCheckProgress } from '../shared/register-import-thread'
import type { ImportReport } from './contract'
import { insertBusinessAssociate, listBusinessAssociates } from './db/business-associates'
import { checkParents, insertionOrder } from './import-parents'
import { checkBusinessAssociateFile } from './import-rows'

/**
 * `safeguard baas import`: a register from JSON or CSV, all rows or none.
 * A row names its place in the chain with `parent` (the name of a party in
 * the file or already in the workspace), since ids mean nothing across files.
 * The file is read and each row checked on a worker thread (import-rows.ts);
 * the parents, which depend on the workspace, are checked here, just before
 * the rows are stored in one transaction.
 */

/** The bundled worker's file name (an entry of electron.vite.config.ts). */
export const BAA_IMPORT_WORKER_BUNDLE = 'baa-import-worker.js'

export interface ImportBusinessAssociatesOptions {
  now: string
  signal?: AbortSignal | undefined
  onProgress?: ((progress: RegisterCheckProgress) => void) | undefined
}

export async function importBusinessAssociates(db: Db, file: string, options: ImportBusinessAssociatesOptions): Promise<ImportReport> {
  const checked = await checkRegisterFile(file, {
    check: checkBusinessAssociateFile,
    bundle: BAA_IMPORT_WORKER_BUNDLE,
    source: path.join(__dirname, 'import-worker.ts'),
    signal: options.signal,
    onProgress: options.onProgress
  })
  const { rows: reports, valid } = checked
  const links = checkParents(valid, reports, listBusinessAssociates(db))

  const failed = reports.filter(report => !report.ok)
  const report: ImportReport = { file: checked.file, format: checked.format, imported: 0, rows: reports }
  if (reports.length === 0) throw new ApiError('import-rejected', `"${checked.file}" holds no rows.`, report)
  if (failed.length > 0) {
    throw new ApiError(
      'import-rejected',
      `Nothing was imported: ${failed.length} of ${reports.length} rows in "${checked.file}" have problems (first: row ${failed[0]!.row}, ${failed[0]!.errors[0]}).`,
      report
    )
  }

  db.transaction(() => {
    const inserted = new Map<number, number>()
    for (const row of insertionOrder(valid, links)) {
      const link = links.get(row.index)
      const parentId = link === undefined ? null : 'fileIndex' in link ? inserted.get(link.fileIndex)! : link.workspaceId
      inserted.set(row.index, insertBusinessAssociate(db, { ...row.values, parentId }, options.now))
    }
  })()
  return { ...report, imported: valid.length }
}
