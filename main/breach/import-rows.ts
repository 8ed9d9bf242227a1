import path from 'node:path'
import { z } from 'zod'
import { ApiError } from '../shared/errors'
import type { RegisterCheckProgress } from '../shared/register-import-thread'
import { cellBoolean, cellInteger, cellList, issueLines, readTabularFile } from '../shared/tabular-file'
import { incidentRecordShape, type IncidentImportReport } from './contract'
import { checkIncident, normalizeIncident } from './incident-schema'
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
  'baaReportingWindow',
  'baDiscoveredOn',
  'baIsAgent',
  'licensedHealthFacility',
  'lawEnforcementDelayKind',
  'lawEnforcementDelayStatedOn',
  'lawEnforcementDelayUntil',
  'lawEnforcementDelayOfficial',
  'riskConclusion',
  'assessmentOutcome',
  'assessmentException',
  'assessmentReason',
  'natureAndExtent',
  'unauthorizedRecipient',
  'acquiredOrViewed',
  'mitigation',
  'assessmentReviewer',
  'assessedOn'
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
const importRowSchema = z.strictObject(importableShape).superRefine(checkIncident).transform(normalizeIncident)

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

/** "10 business days", "72 hours", "30" (calendar days) → { amount, unit }; anything else is left for the schema to name. */
function parseWindow(cell: unknown): unknown {
  if (typeof cell !== 'string') return cell
  const match = /^(\d+)\s*(calendar[ -]days?|business[ -]days?|hours?|days?)?$/i.exec(cell.trim())
  if (!match) return cell
  const unitWords = (match[2] ?? 'days').toLowerCase()
  const unit = unitWords.startsWith('business') ? 'business-days' : unitWords.startsWith('hour') ? 'hours' : 'calendar-days'
  return { amount: Number(match[1]), unit }
}

const FACTOR_COLUMNS = ['natureAndExtent', 'unauthorizedRecipient', 'acquiredOrViewed', 'mitigation'] as const

/** The assessment columns: the current ones (assessmentOutcome…) or the older riskConclusion, with the factor columns. */
function assessmentCells(row: Record<string, unknown>): Record<string, unknown> {
  const factors = Object.fromEntries(FACTOR_COLUMNS.filter(column => row[column] !== undefined).map(column => [column, row[column]]))
  const documented = {
    ...(row.assessmentReviewer !== undefined ? { reviewer: row.assessmentReviewer } : {}),
    ...(row.assessedOn !== undefined ? { assessedOn: row.assessedOn } : {})
  }
  if (row.assessmentOutcome !== undefined) {
    return {
      assessment: {
        outcome: row.assessmentOutcome,
        ...(row.assessmentException !== undefined ? { exception: row.assessmentException } : {}),
        ...(row.assessmentReason !== undefined ? { reason: row.assessmentReason } : {}),
        ...(Object.keys(factors).length > 0 ? { factors } : {}),
        ...documented
      }
    }
  }
  if (row.riskConclusion !== undefined) return { riskAssessment: { conclusion: row.riskConclusion, ...factors, ...documented } }
  // Columns that only make sense with an outcome are kept, so the schema names them instead of dropping what was typed.
  const stray = { ...factors, ...documented, ...(row.assessmentException !== undefined ? { exception: row.assessmentException } : {}) }
  return Object.keys(stray).length > 0 || row.assessmentReason !== undefined
    ? { assessment: { ...stray, ...(row.assessmentReason !== undefined ? { reason: row.assessmentReason } : {}) } }
    : {}
}

const ASSESSMENT_COLUMNS = new Set<string>([
  'riskConclusion',
  'assessmentOutcome',
  'assessmentException',
  'assessmentReason',
  'assessmentReviewer',
  'assessedOn',
  ...FACTOR_COLUMNS
])

function fromCsvCells(row: Record<string, unknown>): Record<string, unknown> {
  const {
    lawEnforcementDelayKind: kind,
    lawEnforcementDelayStatedOn: statedOn,
    lawEnforcementDelayUntil: until,
    lawEnforcementDelayOfficial: official,
    ...others
  } = row
  const rest = Object.fromEntries(Object.entries(others).filter(([column]) => !ASSESSMENT_COLUMNS.has(column)))
  return {
    ...rest,
    ...(rest.phiCategories !== undefined ? { phiCategories: cellList(rest.phiCategories) } : {}),
    affectedByState: rest.affectedByState === undefined ? {} : parseAffected(rest.affectedByState),
    ...(rest.unsecuredPhi !== undefined ? { unsecuredPhi: cellBoolean(rest.unsecuredPhi) } : {}),
    ...(rest.licensedHealthFacility !== undefined ? { licensedHealthFacility: cellBoolean(rest.licensedHealthFacility) } : {}),
    ...(rest.baaReportingDays !== undefined ? { baaReportingDays: cellInteger(rest.baaReportingDays) } : {}),
    ...(rest.baaReportingWindow !== undefined ? { baaReportingWindow: parseWindow(rest.baaReportingWindow) } : {}),
    ...(rest.baIsAgent !== undefined ? { baIsAgent: cellBoolean(rest.baIsAgent) } : {}),
    ...(kind !== undefined || statedOn !== undefined || until !== undefined
      ? { lawEnforcementDelay: { kind, statedOn, ...(until !== undefined ? { until } : {}), ...(official !== undefined ? { official } : {}) } }
      : {}),
    ...assessmentCells(row)
  }
}

/** A CSV problem names the column typed in, not the field it became ('mitigation', not 'assessment.factors.mitigation'). */
function csvColumnOf(path: readonly PropertyKey[]): PropertyKey[] {
  const [first, second, third] = path.map(String)
  if (first === 'assessment') {
    if (second === 'factors' && third !== undefined) return [third]
    const columns: Record<string, string> = {
      outcome: 'assessmentOutcome',
      exception: 'assessmentException',
      reason: 'assessmentReason',
      reviewer: 'assessmentReviewer',
      assessedOn: 'assessedOn'
    }
    return [second !== undefined ? (columns[second] ?? `assessment.${second}`) : 'assessmentOutcome']
  }
  if (first === 'riskAssessment') {
    const columns: Record<string, string> = { conclusion: 'riskConclusion', reviewer: 'assessmentReviewer' }
    return [second !== undefined ? (columns[second] ?? second) : 'riskConclusion']
  }
  return [...path]
}

/** The checked rows of the file; refuses it (ApiError 'import-rejected', with the row report) when any row has a problem. */
export async function checkIncidentFile(
  file: string,
  progress: (update: RegisterCheckProgress) => void = () => undefined
): Promise<CheckedIncidents> {
  progress({ phase: 'read' })
  const { format, rows } = await readTabularFile(file, {
    listKey: 'incidents',
    columns: INCIDENT_IMPORT_COLUMNS,
    maxRows: MAX_INCIDENT_ROWS,
    rowNoun: 'incidents'
  })
  const report: IncidentImportReport = { file: path.basename(file), format, imported: 0, rows: [] }
  const valid: ImportedIncident[] = []
  rows.forEach((raw, index) => {
    if (index % PROGRESS_EVERY === 0) progress({ phase: 'check', done: index, total: rows.length, unit: 'rows' })
    const prepared = format !== 'json' && raw !== null && typeof raw === 'object' ? fromCsvCells(raw as Record<string, unknown>) : raw
    const parsed = importRowSchema.safeParse(prepared)
    const title = typeof (raw as { title?: unknown } | null)?.title === 'string' ? (raw as { title: string }).title : ''
    if (parsed.success) {
      valid.push(parsed.data)
      report.rows.push({ row: index + 1, title: parsed.data.title, ok: true, errors: [] })
    } else {
      const issues = format !== 'json' ? parsed.error.issues.map(issue => ({ ...issue, path: csvColumnOf(issue.path) })) : parsed.error.issues
      report.rows.push({ row: index + 1, title, ok: false, errors: issueLines(issues) })
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
