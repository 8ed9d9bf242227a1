import type { Db } from '../../db/driver'
import type { IncidentRecord } from '../contract'
import type { LawEnforcementDelay, RiskAssessment } from '../incident-schema'
import type { JurisdictionCode } from '../jurisdictions'

/** Values as validated by IncidentInput. */
export interface IncidentValues {
  title: string
  description: string
  phiCategories: string[]
  discoveredOn: string
  breachOn?: string | undefined
  role: IncidentRecord['role']
  unsecuredPhi: boolean
  affectedByState: Partial<Record<JurisdictionCode, number>>
  lawEnforcementDelay?: LawEnforcementDelay | LawEnforcementDelay[] | undefined
  baaReportingDays?: number | undefined
  licensedHealthFacility?: boolean | undefined
  riskAssessment?: RiskAssessment | undefined
  businessAssociateId: number | null
}

interface Row {
  id: number
  title: string
  description: string
  phi_categories: string
  breach_on: string | null
  discovered_on: string
  role: IncidentRecord['role']
  unsecured_phi: 0 | 1
  licensed_health_facility: 0 | 1
  baa_reporting_days: number | null
  business_associate_id: number | null
  risk_nature_and_extent: string | null
  risk_unauthorized_recipient: string | null
  risk_acquired_or_viewed: string | null
  risk_mitigation: string | null
  risk_conclusion: RiskAssessment['conclusion'] | null
  created_at: string
  updated_at: string
  archived_at: string | null
  archive_reason: string | null
}

interface DelayRow {
  incident_id: number
  kind: 'written' | 'oral'
  stated_on: string
  until: string | null
  official: string
}

function delayFromRow(row: DelayRow): LawEnforcementDelay {
  return {
    kind: row.kind,
    statedOn: row.stated_on,
    ...(row.until !== null ? { until: row.until } : {}),
    ...(row.official !== '' ? { official: row.official } : {})
  }
}

function riskFromRow(row: Row): RiskAssessment | null {
  if (row.risk_conclusion === null) return null
  return {
    conclusion: row.risk_conclusion,
    ...(row.risk_nature_and_extent !== null ? { natureAndExtent: row.risk_nature_and_extent } : {}),
    ...(row.risk_unauthorized_recipient !== null ? { unauthorizedRecipient: row.risk_unauthorized_recipient } : {}),
    ...(row.risk_acquired_or_viewed !== null ? { acquiredOrViewed: row.risk_acquired_or_viewed } : {}),
    ...(row.risk_mitigation !== null ? { mitigation: row.risk_mitigation } : {})
  }
}

function assemble(row: Row, affected: { jurisdiction: string; count: number }[], delays: DelayRow[]): IncidentRecord {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    phiCategories: JSON.parse(row.phi_categories) as string[],
    discoveredOn: row.discovered_on,
    breachOn: row.breach_on,
    role: row.role,
    unsecuredPhi: row.unsecured_phi === 1,
    affectedByState: Object.fromEntries(affected.map(a => [a.jurisdiction, a.count])) as Partial<Record<JurisdictionCode, number>>,
    lawEnforcementDelays: delays.map(delayFromRow),
    baaReportingDays: row.baa_reporting_days,
    licensedHealthFacility: row.licensed_health_facility === 1,
    riskAssessment: riskFromRow(row),
    businessAssociateId: row.business_associate_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
    archiveReason: row.archive_reason
  }
}

/** Live incidents only: an archived one drops out of every list, deadline and document that reads this. */
export function listIncidents(db: Db): IncidentRecord[] {
  return assembleAll(db, db.prepare('SELECT * FROM incident WHERE archived_at IS NULL ORDER BY discovered_on DESC, id DESC').all() as Row[])
}

/** Archived incidents, the latest archived first. */
export function listArchivedIncidents(db: Db): IncidentRecord[] {
  return assembleAll(db, db.prepare('SELECT * FROM incident WHERE archived_at IS NOT NULL ORDER BY archived_at DESC, id DESC').all() as Row[])
}

function assembleAll(db: Db, rows: Row[]): IncidentRecord[] {
  const affected = db.prepare('SELECT incident_id, jurisdiction, count FROM incident_affected ORDER BY jurisdiction').all() as {
    incident_id: number
    jurisdiction: string
    count: number
  }[]
  const delays = db.prepare('SELECT * FROM incident_law_enforcement_delay ORDER BY stated_on, id').all() as DelayRow[]
  return rows.map(row =>
    assemble(
      row,
      affected.filter(a => a.incident_id === row.id),
      delays.filter(d => d.incident_id === row.id)
    )
  )
}

export function getIncident(db: Db, id: number): IncidentRecord | undefined {
  const row = db.prepare('SELECT * FROM incident WHERE id = ?').get(id) as Row | undefined
  if (!row) return undefined
  const affected = db.prepare('SELECT jurisdiction, count FROM incident_affected WHERE incident_id = ? ORDER BY jurisdiction').all(id) as {
    jurisdiction: string
    count: number
  }[]
  const delays = db.prepare('SELECT * FROM incident_law_enforcement_delay WHERE incident_id = ? ORDER BY stated_on, id').all(id) as DelayRow[]
  return assemble(row, affected, delays)
}

function rowParams(values: IncidentValues) {
  return {
    title: values.title,
    description: values.description,
    phiCategories: JSON.stringify(values.phiCategories),
    breachOn: values.breachOn ?? null,
    discoveredOn: values.discoveredOn,
    role: values.role,
    unsecuredPhi: values.unsecuredPhi ? 1 : 0,
    licensedHealthFacility: values.licensedHealthFacility ? 1 : 0,
    baaReportingDays: values.baaReportingDays ?? null,
    businessAssociateId: values.businessAssociateId,
    riskNature: values.riskAssessment?.natureAndExtent ?? null,
    riskRecipient: values.riskAssessment?.unauthorizedRecipient ?? null,
    riskAcquired: values.riskAssessment?.acquiredOrViewed ?? null,
    riskMitigation: values.riskAssessment?.mitigation ?? null,
    riskConclusion: values.riskAssessment?.conclusion ?? null
  }
}

/** Replaces the per-state counts and the delay statements of an incident. */
function writeChildren(db: Db, id: number, values: IncidentValues): void {
  db.prepare('DELETE FROM incident_affected WHERE incident_id = ?').run(id)
  db.prepare('DELETE FROM incident_law_enforcement_delay WHERE incident_id = ?').run(id)
  const addAffected = db.prepare('INSERT INTO incident_affected (incident_id, jurisdiction, count) VALUES (?, ?, ?)')
  for (const [jurisdiction, count] of Object.entries(values.affectedByState)) addAffected.run(id, jurisdiction, count)
  const delays =
    values.lawEnforcementDelay === undefined
      ? []
      : Array.isArray(values.lawEnforcementDelay)
        ? values.lawEnforcementDelay
        : [values.lawEnforcementDelay]
  const addDelay = db.prepare('INSERT INTO incident_law_enforcement_delay (incident_id, kind, stated_on, until, official) VALUES (?, ?, ?, ?, ?)')
  for (const delay of delays) addDelay.run(id, delay.kind, delay.statedOn, delay.until ?? null, delay.official ?? '')
}

/** Call inside a transaction: the incident and its children are written together. */
export function insertIncident(db: Db, values: IncidentValues, now: string): number {
  const result = db
    .prepare(
      `INSERT INTO incident (title, description, phi_categories, breach_on, discovered_on, role, unsecured_phi,
         licensed_health_facility, baa_reporting_days, business_associate_id, risk_nature_and_extent,
         risk_unauthorized_recipient, risk_acquired_or_viewed, risk_mitigation, risk_conclusion, created_at, updated_at)
       VALUES (@title, @description, @phiCategories, @breachOn, @discoveredOn, @role, @unsecuredPhi, @licensedHealthFacility,
         @baaReportingDays, @businessAssociateId, @riskNature, @riskRecipient, @riskAcquired, @riskMitigation, @riskConclusion, @now, @now)`
    )
    .run({ ...rowParams(values), now })
  const id = Number(result.lastInsertRowid)
  writeChildren(db, id, values)
  return id
}

/** Call inside a transaction. */
export function updateIncident(db: Db, id: number, values: IncidentValues, now: string): boolean {
  const result = db
    .prepare(
      `UPDATE incident SET title = @title, description = @description, phi_categories = @phiCategories, breach_on = @breachOn,
         discovered_on = @discoveredOn, role = @role, unsecured_phi = @unsecuredPhi, licensed_health_facility = @licensedHealthFacility,
         baa_reporting_days = @baaReportingDays, business_associate_id = @businessAssociateId,
         risk_nature_and_extent = @riskNature, risk_unauthorized_recipient = @riskRecipient, risk_acquired_or_viewed = @riskAcquired,
         risk_mitigation = @riskMitigation, risk_conclusion = @riskConclusion, updated_at = @now
       WHERE id = @id`
    )
    .run({ ...rowParams(values), id, now })
  if (result.changes !== 1) return false
  writeChildren(db, id, values)
  return true
}

/** Archives a live incident; false when there is no live incident with that id. */
export function archiveIncident(db: Db, id: number, now: string, reason: string | null): boolean {
  return db.prepare('UPDATE incident SET archived_at = ?, archive_reason = ? WHERE id = ? AND archived_at IS NULL').run(now, reason, id).changes === 1
}

/** Brings an archived incident back; false when there is no archived incident with that id. */
export function restoreIncident(db: Db, id: number): boolean {
  return db.prepare('UPDATE incident SET archived_at = NULL, archive_reason = NULL WHERE id = ? AND archived_at IS NOT NULL').run(id).changes === 1
}

/** Deletes an archived incident for good, with its counts, delays and notices (the foreign keys cascade). */
export function deleteArchivedIncident(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM incident WHERE id = ? AND archived_at IS NOT NULL').run(id).changes === 1
}
