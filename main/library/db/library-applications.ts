import type { Db } from '../../db/driver'

/** Queries of a workspace's library_application table (migration 0017): what a library applied here, and what was pushed from here. */

export interface LibraryApplicationRecord {
  id: number
  direction: 'applied' | 'pushed'
  libraryUid: string
  libraryName: string
  kind: string
  key: string
  title: string
  version: number
  outcome: 'added' | 'replaced' | 'unchanged'
  at: string
}

export function recordLibraryApplication(db: Db, record: Omit<LibraryApplicationRecord, 'id'>): void {
  db.prepare(
    `INSERT INTO library_application (direction, library_uid, library_name, item_kind, item_key, item_title, item_version, outcome, at)
     VALUES (@direction, @libraryUid, @libraryName, @kind, @key, @title, @version, @outcome, @at)`
  ).run(record)
}

/** Newest first. */
export function listLibraryApplications(db: Db, limit = 500): LibraryApplicationRecord[] {
  return db
    .prepare(
      `SELECT id, direction, library_uid AS libraryUid, library_name AS libraryName, item_kind AS kind, item_key AS key,
         item_title AS title, item_version AS version, outcome, at
       FROM library_application ORDER BY at DESC, id DESC LIMIT ?`
    )
    .all(limit) as LibraryApplicationRecord[]
}
