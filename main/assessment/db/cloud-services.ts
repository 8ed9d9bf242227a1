import type { Db } from '../../db/driver'
import type { Eligibility } from '../contract'

export interface ServiceRecord {
  serviceId: string
  customName: string | null
  customEligibility: Eligibility | null
  inUse: boolean
  holdsPhi: boolean
  notes: string
}

interface ServiceRow {
  service_id: string
  custom_name: string | null
  custom_eligibility: Eligibility | null
  in_use: 0 | 1
  holds_phi: 0 | 1
  notes: string
}

const toRecord = (row: ServiceRow): ServiceRecord => ({
  serviceId: row.service_id,
  customName: row.custom_name,
  customEligibility: row.custom_eligibility,
  inUse: row.in_use === 1,
  holdsPhi: row.holds_phi === 1,
  notes: row.notes
})

export function listServices(db: Db, periodId: string): ServiceRecord[] {
  return (db.prepare('SELECT * FROM assessment_cloud_service WHERE period_id = ? ORDER BY rowid').all(periodId) as ServiceRow[]).map(toRecord)
}

export function getService(db: Db, periodId: string, serviceId: string): ServiceRecord | undefined {
  const row = db.prepare('SELECT * FROM assessment_cloud_service WHERE period_id = ? AND service_id = ?').get(periodId, serviceId) as
    ServiceRow | undefined
  return row && toRecord(row)
}

export function upsertService(db: Db, periodId: string, service: ServiceRecord, now: string): void {
  db.prepare(
    `INSERT INTO assessment_cloud_service
       (period_id, service_id, custom_name, custom_eligibility, in_use, holds_phi, notes, updated_at)
     VALUES (@periodId, @serviceId, @customName, @customEligibility, @inUse, @holdsPhi, @notes, @now)
     ON CONFLICT (period_id, service_id) DO UPDATE SET custom_name = excluded.custom_name,
       custom_eligibility = excluded.custom_eligibility, in_use = excluded.in_use, holds_phi = excluded.holds_phi,
       notes = excluded.notes, updated_at = excluded.updated_at`
  ).run({ ...service, periodId, inUse: service.inUse ? 1 : 0, holdsPhi: service.holdsPhi ? 1 : 0, now })
}

export function copyServices(db: Db, fromPeriod: string, toPeriod: string, now: string): void {
  db.prepare(
    `INSERT INTO assessment_cloud_service
       (period_id, service_id, custom_name, custom_eligibility, in_use, holds_phi, notes, updated_at)
     SELECT ?, service_id, custom_name, custom_eligibility, in_use, holds_phi, notes, ?
     FROM assessment_cloud_service WHERE period_id = ?`
  ).run(toPeriod, now, fromPeriod)
}
