import path from 'node:path'
import { z } from 'zod'
import { ApiError } from '../shared/errors'
import type { Db } from '../db/driver'
import { businessAssociateShape, checkAgreementDates, type ImportReport, type ImportRowReport } from './contract'
import { findBusinessAssociateByName, insertBusinessAssociate, type BusinessAssociateValues } from './db/business-associates'
import { cellBoolean, cellInteger, cellList, issueLines, readTabularFile } from '../shared/tabular-file'

/**
 * `safeguard baas import`: a register from JSON or CSV, all rows or none.
 * A row names its place in the chain with `parent` (the name of a party in
 * the file or already in the workspace), since ids mean nothing across files.
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

interface ValidRow {
  index: number
  values: Omit<BusinessAssociateValues, 'parentId'>
  parent: string | undefined
}

export function importBusinessAssociates(db: Db, file: string, now: string): ImportReport {
  const { format, rows } = readTabularFile(file, { listKey: 'businessAssociates', columns: BAA_IMPORT_COLUMNS })
  const reports: ImportRowReport[] = []
  const valid: ValidRow[] = []
  rows.forEach((raw, index) => {
    const prepared = format === 'csv' && raw !== null && typeof raw === 'object' ? fromCsvCells(raw as Record<string, unknown>) : raw
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

  // Parents: a name in this file (any order) or one party already in the workspace.
  const namesInFile = new Map<string, number[]>()
  for (const row of valid) namesInFile.set(row.values.name.toLowerCase(), [...(namesInFile.get(row.values.name.toLowerCase()) ?? []), row.index])
  for (const row of valid) {
    if (row.parent === undefined) continue
    const inFile = namesInFile.get(row.parent.toLowerCase()) ?? []
    const inWorkspace = findBusinessAssociateByName(db, row.parent)
    const report = reports[row.index]!
    if (inFile.length + inWorkspace.length === 0) report.errors.push(`parent: no party named "${row.parent}" in the file or the workspace`)
    else if (inFile.length + inWorkspace.length > 1) report.errors.push(`parent: more than one party is named "${row.parent}"`)
    else if (inFile[0] === row.index) report.errors.push('parent: a party cannot be its own parent')
    report.ok = report.errors.length === 0
  }
  // A chain that loops within the file can never be inserted.
  const parentIndex = (row: ValidRow) => (row.parent === undefined ? undefined : namesInFile.get(row.parent.toLowerCase())?.[0])
  for (const row of valid) {
    const seen = new Set<number>([row.index])
    for (let current = parentIndex(row); current !== undefined; current = parentIndex(valid.find(v => v.index === current)!)) {
      if (seen.has(current)) {
        reports[row.index]!.errors.push('parent: the chain loops back to this party')
        reports[row.index]!.ok = false
        break
      }
      seen.add(current)
    }
  }

  const failed = reports.filter(report => !report.ok)
  const report: ImportReport = { file: path.basename(file), format, imported: 0, rows: reports }
  if (rows.length === 0) throw new ApiError('import-rejected', `"${path.basename(file)}" holds no rows.`, report)
  if (failed.length > 0) {
    throw new ApiError(
      'import-rejected',
      `Nothing was imported: ${failed.length} of ${rows.length} rows in "${path.basename(file)}" have problems (first: row ${failed[0]!.row}, ${failed[0]!.errors[0]}).`,
      report
    )
  }

  db.transaction(() => {
    const inserted = new Map<number, number>()
    const insert = (row: ValidRow): number => {
      const done = inserted.get(row.index)
      if (done !== undefined) return done
      let parentId: number | null = null
      if (row.parent !== undefined) {
        const fileIndex = namesInFile.get(row.parent.toLowerCase())?.[0]
        parentId = fileIndex !== undefined ? insert(valid.find(v => v.index === fileIndex)!) : findBusinessAssociateByName(db, row.parent)[0]!.id
      }
      const id = insertBusinessAssociate(db, { ...row.values, parentId }, now)
      inserted.set(row.index, id)
      return id
    }
    valid.forEach(insert)
  })()
  return { ...report, imported: valid.length }
}
