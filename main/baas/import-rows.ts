import path from 'node:path'
import { z } from 'zod'
import type { RegisterCheckProgress } from '../shared/register-import-thread'
import { cellBoolean, cellInteger, cellList, issueLines, readTabularFile } from '../shared/tabular-file'
import { businessAssociateShape, checkAgreementDates, type ImportRowReport } from './contract'
import type { BusinessAssociateValues } from './db/business-associates'

/**
 * Reads a business-associate register (JSON or CSV) and checks each row on its own, without touching a
 * workspace: this runs on the import's worker thread (import-worker.ts). The parents, which may name parties
 * in the workspace, are checked afterwards by import-parents.ts.
 */

export const BAA_IMPORT_COLUMNS = [
  'name',
  'relationship',
  'parent',
  'services',
  'phiCategories',
  'assets',
  'handlesPhi',
  'baaStatus',
  'effectiveOn',
  'expiresOn',
  'reviewEveryMonths',
  'lastReviewOn',
  'breachReportingDays',
  'notes'
] as const

/**
 * A practice has tens of business associates and a large health system a few thousand; 10,000 is beyond any real
 * register, while a refused file's report (a line per row and its problems) stays small enough to show and hold.
 */
export const MAX_BUSINESS_ASSOCIATE_ROWS = 10_000

/** Rows checked between two progress reports. */
const PROGRESS_EVERY = 250

const { parentId: _ids, ...importableShape } = businessAssociateShape
const importRowSchema = z.strictObject({ ...importableShape, parent: z.string().trim().min(1).max(200).optional() }).superRefine(checkAgreementDates)

function fromCsvCells(row: Record<string, unknown>): Record<string, unknown> {
  return {
    ...row,
    ...(row.phiCategories !== undefined ? { phiCategories: cellList(row.phiCategories) } : {}),
    ...(row.assets !== undefined ? { assets: cellList(row.assets) } : {}),
    ...(row.handlesPhi !== undefined ? { handlesPhi: cellBoolean(row.handlesPhi) } : {}),
    ...(row.reviewEveryMonths !== undefined ? { reviewEveryMonths: cellInteger(row.reviewEveryMonths) } : {}),
    ...(row.breachReportingDays !== undefined ? { breachReportingDays: cellInteger(row.breachReportingDays) } : {})
  }
}

/** A row that passed its own checks. */
export interface ImportedAssociate {
  /** 0-based position in the file (its report is rows[index]). */
  index: number
  values: Omit<BusinessAssociateValues, 'parentId'>
  /** The name of its parent, in the file or the workspace. */
  parent: string | undefined
}

export interface CheckedAssociates {
  file: string
  format: 'json' | 'csv' | 'xlsx'
  /** One report per row of the file, in order. */
  rows: ImportRowReport[]
  valid: ImportedAssociate[]
}

/** Every row checked on its own; refuses only a file it cannot read as a register (ApiError 'import-rejected'). */
export async function checkBusinessAssociateFile(
  file: string,
  progress: (update: RegisterCheckProgress) => void = () => undefined
): Promise<CheckedAssociates> {
  progress({ phase: 'read' })
  const { format, rows } = await readTabularFile(file, {
    listKey: 'businessAssociates',
    columns: BAA_IMPORT_COLUMNS,
    maxRows: MAX_BUSINESS_ASSOCIATE_ROWS,
    rowNoun: 'business associates'
  })
  const reports: ImportRowReport[] = []
  const valid: ImportedAssociate[] = []
  rows.forEach((raw, index) => {
    if (index % PROGRESS_EVERY === 0) progress({ phase: 'check', done: index, total: rows.length, unit: 'rows' })
    const prepared = format !== 'json' && raw !== null && typeof raw === 'object' ? fromCsvCells(raw as Record<string, unknown>) : raw
    const parsed = importRowSchema.safeParse(prepared)
    const name = typeof (raw as { name?: unknown } | null)?.name === 'string' ? (raw as { name: string }).name : ''
    if (!parsed.success) {
      reports.push({ row: index + 1, name, ok: false, errors: issueLines(parsed.error.issues) })
      return
    }
    const { parent, ...values } = parsed.data
    reports.push({ row: index + 1, name: values.name, ok: true, errors: [] })
    valid.push({ index, values, parent })
  })
  progress({ phase: 'check', done: rows.length, total: rows.length, unit: 'rows' })
  return { file: path.basename(file), format, rows: reports, valid }
}
