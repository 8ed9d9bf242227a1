import path from 'node:path'
import { connect, type Db } from '../../main/db/driver'
import { migrate } from '../../main/db/migrate'
import { WORKSPACE_APPLICATION_ID } from '../../main/db/open'
import { tempDir } from './workspace'

/** A workspace database brought only up to `version`, to test a later migration on data written before it. */
export function databaseAtVersion(version: number): { db: Db; file: string } {
  const file = path.join(tempDir(), `at-v${version}.safeguard`)
  const db = connect(file)
  db.pragma(`application_id = ${WORKSPACE_APPLICATION_ID}`)
  migrate(db, { target: version })
  return { db, file }
}

export function tableNames(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(row => row.name)
}
