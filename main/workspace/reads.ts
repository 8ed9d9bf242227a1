import type { Db } from '../db/driver'
import type { WorkspaceSummary } from './contract'
import { summarize } from './workspace-files'

/** The workspace's typed read functions, for other features to read without the API. */

export function readWorkspaceSummary(db: Db, file: string): WorkspaceSummary {
  return summarize(file, db)
}
