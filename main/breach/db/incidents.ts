import type { Db } from '../../db/driver'
import {
  missingAssessmentParts,
  type AssessmentOutcome,
  type BreachException,
  type IncidentAssessment,
  type RiskFactors
} from '../assessment-outcome'
import type { IncidentRecord, IncidentValues } from '../contract'
import { earliestDiscovery, type BaaWindowUnit, type LawEnforcementDelay } from '../incident-schema'
import type { JurisdictionCode } from '../jurisdictions'

export type { IncidentValues } from '../contract'

interface Row {
  id: number
  title: string
  description: string
  phi_categories: string
  breach_on: string | null
  discovered_on: string
  role: IncidentRecord['role']
  licensed_health_facility: 0 | 1
  business_associate_id: number | null
  assessment_outcome: AssessmentOutcome
  assessment_exception: BreachException | null
  assessment_reason: string | null
  assessment_reviewer: string | null
  assessed_on: string | null
  risk_nature_and_extent: string | null
  risk_unauthorized_recipient: string | null
  risk_acquired_or_viewed: string | null
  risk_mitigation: string | null
  ba_discovered_on: string | null
  ba_is_agent: 0 | 1
  baa_window_amount: number | null
  baa_window_unit: BaaWindowUnit | null
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

function assessmentFromRow(row: Row): IncidentAssessment {
  const factors: RiskFactors = {
    ...(row.risk_nature_and_extent !== null ? { natureAndExtent: row.risk_nature_and_extent } : {}),
    ...(row.risk_unauthorized_recipient !== null ? { unauthorizedRecipient: row.risk_unauthorized_recipient } : {}),
    ...(row.risk_acquired_or_viewed !== null ? { acquiredOrViewed: row.risk_acquired_or_viewed } : {}),
    ...(row.risk_mitigation !== null ? { mitigation: row.risk_mitigation } : {})
  }
  return {
    outcome: row.assessment_outcome,
    ...(row.assessment_exception !== null ? { exception: row.assessment_exception } : {}),
    ...(row.assessment_reason !== null ? { reason: row.assessment_reason } : {}),
    ...(Object.keys(factors).length > 0 ? { factors } : {}),
    ...(row.assessment_reviewer !== null ? { reviewer: row.assessment_reviewer } : {}),
    ...(row.assessed_on !== null ? { assessedOn: row.assessed_on } : {})
  }
}

function assemble(row: Row, affected: { jurisdiction: string; count: number }[], delays: DelayRow[]): IncidentRecord {
  const assessment = assessmentFromRow(row)
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    phiCategories: JSON.parse(row.phi_categories) as string[],
    discoveredOn: row.discovered_on,
    breachOn: row.breach_on,
    role: row.role,
    assessment,
    assessmentMissing: missingAssessmentParts(
      assessment,
      earliestDiscovery({ discoveredOn: row.discovered_on, baDiscoveredOn: row.ba_discovered_on ?? undefined })
    ),
    unsecuredPhi: assessment.outcome !== 'secured',
    affectedByState: Object.fromEntries(affected.map(a => [a.jurisdiction, a.count])) as Partial<Record<JurisdictionCode, number>>,
    lawEnforcementDelays: delays.map(delayFromRow),
    baDiscoveredOn: row.ba_discovered_on,
    baIsAgent: row.ba_is_agent === 1,
    baaReportingWindow:
      row.baa_window_amount !== null && row.baa_window_unit !== null ? { amount: row.baa_window_amount, unit: row.baa_window_unit } : null,
    licensedHealthFacility: row.licensed_health_facility === 1,
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

/** Empty text is stored as NULL, so "not written" reads back the same whichever way it came in. */
const textOrNull = (text: string | undefined): string | null => (text === undefined || text.trim() === '' ? null : text)

function rowParams(values: IncidentValues) {
  const { assessment } = values
  return {
    title: values.title,
    description: values.description,
    phiCategories: JSON.stringify(values.phiCategories),
    breachOn: values.breachOn ?? null,
    discoveredOn: values.discoveredOn,
    role: values.role,
    licensedHealthFacility: values.licensedHealthFacility ? 1 : 0,
    businessAssociateId: values.businessAssociateId,
    outcome: assessment.outcome,
    exception: assessment.exception ?? null,
    reason: textOrNull(assessment.reason),
    reviewer: textOrNull(assessment.reviewer),
    assessedOn: assessment.assessedOn ?? null,
    riskNature: textOrNull(assessment.factors?.natureAndExtent),
    riskRecipient: textOrNull(assessment.factors?.unauthorizedRecipient),
    riskAcquired: textOrNull(assessment.factors?.acquiredOrViewed),
    riskMitigation: textOrNull(assessment.factors?.mitigation),
    baDiscoveredOn: values.baDiscoveredOn ?? null,
    baIsAgent: values.baIsAgent ? 1 : 0,
    baaWindowAmount: values.baaReportingWindow?.amount ?? null,
    baaWindowUnit: values.baaReportingWindow?.unit ?? null
  }
}

const STORED_COLUMNS = `title = @title, description = @description, phi_categories = @phiCategories, breach_on = @breachOn,
  discovered_on = @discoveredOn, role = @role, licensed_health_facility = @licensedHealthFacility, business_associate_id = @businessAssociateId,
  assessment_outcome = @outcome, assessment_exception = @exception, assessment_reason = @reason, assessment_reviewer = @reviewer,
  assessed_on = @assessedOn, risk_nature_and_extent = @riskNature, risk_unauthorized_recipient = @riskRecipient,
  risk_acquired_or_viewed = @riskAcquired, risk_mitigation = @riskMitigation, ba_discovered_on = @baDiscoveredOn, ba_is_agent = @baIsAgent,
  baa_window_amount = @baaWindowAmount, baa_window_unit = @baaWindowUnit, updated_at = @now`

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
  // Insert the required columns, then set every column with the same statement an update uses.
  const result = db
    .prepare('INSERT INTO incident (title, discovered_on, role, created_at, updated_at) VALUES (@title, @discoveredOn, @role, @now, @now)')
    .run({ title: values.title, discoveredOn: values.discoveredOn, role: values.role, now })
  const id = Number(result.lastInsertRowid)
  db.prepare(`UPDATE incident SET ${STORED_COLUMNS} WHERE id = @id`).run({ ...rowParams(values), id, now })
  writeChildren(db, id, values)
  return id
}

/** Call inside a transaction. */
export function updateIncident(db: Db, id: number, values: IncidentValues, now: string): boolean {
  const result = db.prepare(`UPDATE incident SET ${STORED_COLUMNS} WHERE id = @id`).run({ ...rowParams(values), id, now })
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
