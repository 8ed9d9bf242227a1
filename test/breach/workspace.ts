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

/** Every row of every table, sorted: compared before and after a refused import to show nothing changed. */
export function workspaceDump(db: Db): Record<string, string[]> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
    name: string
  }[]
  // Some tables are WITHOUT ROWID: rows are sorted by their JSON rather than by rowid.
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      db
        .prepare(`SELECT * FROM "${name}"`)
        .all()
        .map(row => JSON.stringify(row))
        .sort()
    ])
  )
}
