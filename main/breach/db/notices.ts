import type { Db } from '../../db/driver'
import type { IncidentNotice } from '../contract'
import type { ObligationKind } from '../incident-schema'
import type { JurisdictionCode } from '../jurisdictions'

interface Row {
  id: number
  incident_id: number
  kind: ObligationKind
  jurisdiction: JurisdictionCode | null
  obligation_id: string | null
  done_on: string
  method: string
  recorded_at: string
}

const fromRow = (row: Row): IncidentNotice => ({
  id: row.id,
  kind: row.kind,
  jurisdiction: row.jurisdiction,
  obligationId: row.obligation_id,
  doneOn: row.done_on,
  method: row.method,
  recordedAt: row.recorded_at
})

export function listNotices(db: Db, incidentId: number): IncidentNotice[] {
  return (db.prepare('SELECT * FROM incident_notice WHERE incident_id = ? ORDER BY done_on, id').all(incidentId) as Row[]).map(fromRow)
}

export function listAllNotices(db: Db): Map<number, IncidentNotice[]> {
  const byIncident = new Map<number, IncidentNotice[]>()
  for (const row of db.prepare('SELECT * FROM incident_notice ORDER BY done_on, id').all() as Row[]) {
    byIncident.set(row.incident_id, [...(byIncident.get(row.incident_id) ?? []), fromRow(row)])
  }
  return byIncident
}

export function insertNotice(
  db: Db,
  incidentId: number,
  notice: { kind: ObligationKind; jurisdiction?: JurisdictionCode | undefined; obligationId?: string | undefined; doneOn: string; method: string },
  now: string
): number {
  const result = db
    .prepare(
      'INSERT INTO incident_notice (incident_id, kind, jurisdiction, obligation_id, done_on, method, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)'
    )
    .run(incidentId, notice.kind, notice.jurisdiction ?? null, notice.obligationId ?? null, notice.doneOn, notice.method, now)
  return Number(result.lastInsertRowid)
}

export function deleteNotice(db: Db, incidentId: number, noticeId: number): boolean {
  return db.prepare('DELETE FROM incident_notice WHERE id = ? AND incident_id = ?').run(noticeId, incidentId).changes === 1
}
