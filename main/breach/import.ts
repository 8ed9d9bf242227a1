import path from 'node:path'
import { z } from 'zod'
import { ApiError } from '../shared/errors'
import type { Db } from '../db/driver'
import { cellBoolean, cellInteger, cellList, issueLines, readTabularFile } from '../shared/tabular-file'
import { incidentRecordShape, type IncidentImportReport } from './contract'
import { insertIncident } from './db/incidents'
import { checkIncidentDates } from './incident-schema'

/**
 * `safeguard incidents import`: incidents in the issue's JSON format, or CSV
 * from a spreadsheet, all rows or none. Counts and categories only.
 */

export const INCIDENT_IMPORT_COLUMNS = [
  'title',
  'description',
  'phiCategories',
  'discoveredOn',
  'breachOn',
  'role',
  'unsecuredPhi',
  'affectedByState',
  'baaReportingDays',
  'licensedHealthFacility',
  'lawEnforcementDelayKind',
  'lawEnforcementDelayStatedOn',
  'lawEnforcementDelayUntil',
  'lawEnforcementDelayOfficial',
  'riskConclusion'
] as const

// Ids of business associates mean nothing across workspaces, so imports do not carry them.
const { businessAssociateId: _notImported, ...importableShape } = incidentRecordShape
const importRowSchema = z.strictObject(importableShape).superRefine(checkIncidentDates)

/** "TX=180; CA=20" (or "TX:180") → { TX: 180, CA: 20 }; malformed parts are kept for the schema to name. */
function parseAffected(cell: unknown): unknown {
  if (typeof cell !== 'string') return cell
  const entries = cell
    .split(/[;,]/)
    .map(part => part.trim())
    .filter(part => part !== '')
    .map(part => {
      const match = /^([A-Za-z]{2})\s*[=:]\s*(-?\d+)$/.exec(part)
      return match ? [match[1]!.toUpperCase(), Number(match[2])] : [part, 'not "STATE=count"']
    })
  return Object.fromEntries(entries)
}

function fromCsvCells(row: Record<string, unknown>): Record<string, unknown> {
  const {
    lawEnforcementDelayKind: kind,
    lawEnforcementDelayStatedOn: statedOn,
    lawEnforcementDelayUntil: until,
    lawEnforcementDelayOfficial: official,
    riskConclusion,
    ...rest
  } = row
  return {
    ...rest,
    ...(rest.phiCategories !== undefined ? { phiCategories: cellList(rest.phiCategories) } : {}),
    affectedByState: rest.affectedByState === undefined ? {} : parseAffected(rest.affectedByState),
    ...(rest.unsecuredPhi !== undefined ? { unsecuredPhi: cellBoolean(rest.unsecuredPhi) } : {}),
    ...(rest.licensedHealthFacility !== undefined ? { licensedHealthFacility: cellBoolean(rest.licensedHealthFacility) } : {}),
    ...(rest.baaReportingDays !== undefined ? { baaReportingDays: cellInteger(rest.baaReportingDays) } : {}),
    ...(kind !== undefined || statedOn !== undefined || until !== undefined
      ? { lawEnforcementDelay: { kind, statedOn, ...(until !== undefined ? { until } : {}), ...(official !== undefined ? { official } : {}) } }
      : {}),
    ...(riskConclusion !== undefined ? { riskAssessment: { conclusion: riskConclusion } } : {})
  }
}

export function importIncidents(db: Db, file: string, now: string): IncidentImportReport {
  const { format, rows } = readTabularFile(file, { listKey: 'incidents', columns: INCIDENT_IMPORT_COLUMNS })
  const report: IncidentImportReport = { file: path.basename(file), format, imported: 0, rows: [] }
  const valid: z.output<typeof importRowSchema>[] = []
  rows.forEach((raw, index) => {
    const prepared = format === 'csv' && raw !== null && typeof raw === 'object' ? fromCsvCells(raw as Record<string, unknown>) : raw
    const parsed = importRowSchema.safeParse(prepared)
    const title = typeof (raw as { title?: unknown } | null)?.title === 'string' ? (raw as { title: string }).title : ''
    if (parsed.success) {
      valid.push(parsed.data)
      report.rows.push({ row: index + 1, title: parsed.data.title, ok: true, errors: [] })
    } else {
      report.rows.push({ row: index + 1, title, ok: false, errors: issueLines(parsed.error.issues) })
    }
  })
  if (rows.length === 0) throw new ApiError('import-rejected', `"${report.file}" holds no incidents.`, report)
  const failed = report.rows.filter(row => !row.ok)
  if (failed.length > 0) {
    throw new ApiError(
      'import-rejected',
      `Nothing was imported: ${failed.length} of ${rows.length} incidents in "${report.file}" have problems (first: row ${failed[0]!.row}, ${failed[0]!.errors[0]}).`,
      report
    )
  }
  db.transaction(() => {
    for (const incident of valid) insertIncident(db, { ...incident, businessAssociateId: null }, now)
  })()
  return { ...report, imported: valid.length }
}
