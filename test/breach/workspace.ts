import type { Db } from '../../main/db/driver'
import { createTestWorkspace } from '../helpers/workspace'

/** A fresh workspace in a temp folder, with its database handle for checks of what was stored. */
export async function createBreachWorkspace(options: { now?: () => Date } = {}) {
  const workspace = await createTestWorkspace(options)
  return { ...workspace, db: workspace.session.current!.db }
}

export function rowCount(db: Db, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
}
