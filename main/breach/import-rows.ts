import path from 'node:path'
import { z } from 'zod'
import { ApiError } from '../shared/errors'
import type { RegisterCheckProgress } from '../shared/register-import-thread'
import { cellBoolean, cellInteger, cellList, issueLines, readTabularFile } from '../shared/tabular-file'
import { incidentRecordShape, type IncidentImportReport } from './contract'
import { checkIncidentDates } from './incident-schema'
import { formatCount, plural } from '../shared/count-text'

/**
 * Reads and checks an incident register (the issue's JSON format, or CSV from a spreadsheet), row by row,
 * without touching a workspace: this runs on the import's worker thread (import-worker.ts).
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

/**
 * A practice logs a handful of incidents a year and a large organisation a few hundred; 10,000 is far beyond any
 * real log, while a refused file's report (a line per row and its problems) stays small enough to show and hold.
 */
export const MAX_INCIDENT_ROWS = 10_000

/** Rows checked between two progress reports. */
const PROGRESS_EVERY = 250

// Ids of business associates mean nothing across workspaces, so imports do not carry them.
const { businessAssociateId: _notImported, ...importableShape } = incidentRecordShape
const importRowSchema = z.strictObject(importableShape).superRefine(checkIncidentDates)

export type ImportedIncident = z.output<typeof importRowSchema>

export interface CheckedIncidents {
  report: IncidentImportReport
  valid: ImportedIncident[]
}

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

/** The checked rows of the file; refuses it (ApiError 'import-rejected', with the row report) when any row has a problem. */
export function checkIncidentFile(file: string, progress: (update: RegisterCheckProgress) => void = () => undefined): CheckedIncidents {
  progress({ phase: 'read' })
  const { format, rows } = readTabularFile(file, {
    listKey: 'incidents',
    columns: INCIDENT_IMPORT_COLUMNS,
    maxRows: MAX_INCIDENT_ROWS,
    rowNoun: 'incidents'
  })
  const report: IncidentImportReport = { file: path.basename(file), format, imported: 0, rows: [] }
  const valid: ImportedIncident[] = []
  rows.forEach((raw, index) => {
    if (index % PROGRESS_EVERY === 0) progress({ phase: 'check', done: index, total: rows.length, unit: 'rows' })
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
  progress({ phase: 'check', done: rows.length, total: rows.length, unit: 'rows' })
  if (rows.length === 0) throw new ApiError('import-rejected', `"${report.file}" holds no incidents.`, report)
  const failed = report.rows.filter(row => !row.ok)
  if (failed.length > 0) {
    throw new ApiError(
      'import-rejected',
      `Nothing was imported: ${formatCount(failed.length)} of ${plural(rows.length, 'incident')} in "${report.file}" have problems (first: row ${failed[0]!.row}, ${failed[0]!.errors[0]}).`,
      report
    )
  }
  return { report, valid }
}
