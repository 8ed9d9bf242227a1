import type { Db } from '../../db/driver'
import type { TriageStatus } from '../triage/triage.types'

/** Queries of the finding_triage and finding_triage_subject tables (migration 0012). */

export interface TriageRow {
  id: number
  scanner: string
  check_id: string
  finding_key: string | null
  account: string | null
  status: TriageStatus
  reason: string
  triaged_by: string
  created_at: string
  expires_on: string | null
  withdrawn_at: string | null
  withdrawn_by: string | null
  withdrawn_reason: string | null
}

export interface TriageSubjectRow {
  triage_id: number
  finding_key: string
  status: string
  base_scan_id: number
  base_at: string
}

export interface NewTriage {
  scanner: string
  checkId: string
  findingKey: string | null
  account: string | null
  status: TriageStatus
  reason: string
  by: string
  createdAt: string
  expiresOn: string | null
  subjects: readonly { findingKey: string; status: string; baseScanId: number; baseAt: string }[]
}

/** Stores a triage and its subjects, withdrawing (as replaced) any current triage of the same finding or check. Returns its id. */
export function insertTriage(db: Db, triage: NewTriage): number {
  return db.transaction(() => {
    db.prepare(
      `UPDATE finding_triage SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = 'replaced'
        WHERE withdrawn_at IS NULL AND scanner = ? AND check_id = ? AND finding_key IS ? AND account IS ?`
    ).run(triage.createdAt, triage.by, triage.scanner, triage.checkId, triage.findingKey, triage.account)
    const id = Number(
      db
        .prepare(
          `INSERT INTO finding_triage (scanner, check_id, finding_key, account, status, reason, triaged_by, created_at, expires_on)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
        )
        .run(
          triage.scanner,
          triage.checkId,
          triage.findingKey,
          triage.account,
          triage.status,
          triage.reason,
          triage.by,
          triage.createdAt,
          triage.expiresOn
        ).lastInsertRowid
    )
    const subject = db.prepare('INSERT INTO finding_triage_subject (triage_id, finding_key, status, base_scan_id, base_at) VALUES (?, ?, ?, ?, ?)')
    for (const s of triage.subjects) subject.run(id, s.findingKey, s.status, s.baseScanId, s.baseAt)
    return id
  })()
}

export function withdrawTriage(db: Db, id: number, by: string, at: string): boolean {
  return (
    db
      .prepare(`UPDATE finding_triage SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = 'withdrawn' WHERE id = ? AND withdrawn_at IS NULL`)
      .run(at, by, id).changes > 0
  )
}

export function getTriageRow(db: Db, id: number): TriageRow | undefined {
  return db.prepare('SELECT * FROM finding_triage WHERE id = ?').get(id) as TriageRow | undefined
}

/** Every triage not withdrawn (or, with `all`, every one), oldest first, with their subjects. */
export function listTriageRows(db: Db, options: { all: boolean }): { rows: TriageRow[]; subjects: TriageSubjectRow[] } {
  const rows = db.prepare(`SELECT * FROM finding_triage${options.all ? '' : ' WHERE withdrawn_at IS NULL'} ORDER BY id`).all() as TriageRow[]
  if (rows.length === 0) return { rows, subjects: [] }
  const subjects = db
    .prepare('SELECT * FROM finding_triage_subject WHERE triage_id IN (SELECT value FROM json_each(?)) ORDER BY triage_id, finding_key')
    .all(JSON.stringify(rows.map(r => r.id))) as TriageSubjectRow[]
  return { rows, subjects }
}

/** True when the workspace has any triage not withdrawn: reads skip every triage query otherwise. */
export function hasCurrentTriage(db: Db): boolean {
  return db.prepare('SELECT 1 FROM finding_triage WHERE withdrawn_at IS NULL LIMIT 1').get() !== undefined
}
