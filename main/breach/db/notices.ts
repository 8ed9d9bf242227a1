import type { Db } from '../../db/driver'
import type { IncidentNotice } from '../contract'
import type { ObligationKind } from '../incident-schema'
import type { JurisdictionCode } from '../jurisdictions'
import type { NoticeMethod } from '../notice-methods'

interface Row {
  id: number
  incident_id: number
  kind: ObligationKind
  jurisdiction: JurisdictionCode | null
  obligation_id: string | null
  done_on: string
  method: NoticeMethod
  evidence: string
  recipients_count: number | null
  missing_contact_count: number | null
  posted_until: string | null
  recorded_at: string
  file_name: string | null
  file_type: string | null
  file_size: number | null
  file_sha256: string | null
  file_attached_at: string | null
}

const fromRow = (row: Row): IncidentNotice => ({
  id: row.id,
  kind: row.kind,
  jurisdiction: row.jurisdiction,
  obligationId: row.obligation_id,
  doneOn: row.done_on,
  method: row.method,
  evidence: row.evidence,
  recipientsCount: row.recipients_count,
  missingContactCount: row.missing_contact_count,
  postedUntil: row.posted_until,
  evidenceFile:
    row.file_name !== null
      ? { originalName: row.file_name, mediaType: row.file_type!, size: row.file_size!, sha256: row.file_sha256!, attachedAt: row.file_attached_at! }
      : null,
  recordedAt: row.recorded_at
})

// The notice with its evidence file's metadata (never its content, which is read only to write a copy).
const SELECT_NOTICES = `SELECT n.*, f.original_name AS file_name, f.media_type AS file_type, f.size AS file_size, f.sha256 AS file_sha256,
    f.attached_at AS file_attached_at
  FROM incident_notice n LEFT JOIN incident_notice_file f ON f.notice_id = n.id`

export function listNotices(db: Db, incidentId: number): IncidentNotice[] {
  return (db.prepare(`${SELECT_NOTICES} WHERE n.incident_id = ? ORDER BY n.done_on, n.id`).all(incidentId) as Row[]).map(fromRow)
}

export function listAllNotices(db: Db): Map<number, IncidentNotice[]> {
  const byIncident = new Map<number, IncidentNotice[]>()
  for (const row of db.prepare(`${SELECT_NOTICES} ORDER BY n.done_on, n.id`).all() as Row[]) {
    byIncident.set(row.incident_id, [...(byIncident.get(row.incident_id) ?? []), fromRow(row)])
  }
  return byIncident
}

/** A notice to store: its method checked against its kind, and a substitute notice's posting end worked out (notice-rules.ts). */
export interface NoticeToStore {
  kind: ObligationKind
  jurisdiction?: JurisdictionCode | undefined
  obligationId?: string | undefined
  doneOn: string
  method: NoticeMethod
  evidence: string
  recipientsCount?: number | undefined
  missingContactCount?: number | undefined
  postedUntil?: string | undefined
}

export function insertNotice(db: Db, incidentId: number, notice: NoticeToStore, now: string): number {
  const result = db
    .prepare(
      `INSERT INTO incident_notice
         (incident_id, kind, jurisdiction, obligation_id, done_on, method, evidence, recipients_count, missing_contact_count, posted_until, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(
      incidentId,
      notice.kind,
      notice.jurisdiction ?? null,
      notice.obligationId ?? null,
      notice.doneOn,
      notice.method,
      notice.evidence,
      notice.recipientsCount ?? null,
      notice.missingContactCount ?? null,
      notice.postedUntil ?? null,
      now
    )
  return Number(result.lastInsertRowid)
}

/** Whether the incident has this notice (so a file is attached to the right one). */
export function hasNotice(db: Db, incidentId: number, noticeId: number): boolean {
  return db.prepare('SELECT 1 FROM incident_notice WHERE id = ? AND incident_id = ?').get(noticeId, incidentId) !== undefined
}

export function deleteNotice(db: Db, incidentId: number, noticeId: number): boolean {
  return db.prepare('DELETE FROM incident_notice WHERE id = ? AND incident_id = ?').run(noticeId, incidentId).changes === 1
}
