// Writes the Findings view's findings (same scope, filters and sort) to CSV or to an Excel workbook, in batches:
// the ids are read once in the view's order, then the rows a batch at a time, so 100k findings never sit in memory
// as objects and the caller sees progress and may cancel between batches.
import fs from 'node:fs'
import path from 'node:path'
import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import type { Db } from '../../db/driver'
import { ApiError } from '../../shared/errors'
import { renameDurably } from '../../shared/fsync'
import { spreadsheetSafe } from '../../shared/spreadsheet-safe'
import type { FindingRowView, FindingsExportResult } from '../contract'
import { findingsByIds, firstSeenOfAll, viewFindingIds, type FindingsViewOptions } from '../db/findings-view'
import { latestScanIds } from '../db/scans'

export const FINDINGS_EXPORT_FILTERS = [
  { name: 'Excel workbook', extensions: ['xlsx'] },
  { name: 'CSV spreadsheet', extensions: ['csv'] }
]

const BATCH = 1000

interface Column {
  header: string
  width: number
  value(f: FindingRowView): string | number
}

const text = (value: string | null) => value ?? ''

/** Every stored field of a finding, one column each. */
const COLUMNS: Column[] = [
  { header: 'Status', width: 9, value: f => f.status },
  { header: 'Muted', width: 7, value: f => (f.muted ? 'yes' : 'no') },
  { header: 'Severity', width: 13, value: f => f.severity },
  { header: 'Check', width: 28, value: f => f.checkId },
  { header: 'Title', width: 48, value: f => f.title },
  { header: 'Resource', width: 36, value: f => text(f.resourceName ?? f.resourceId) },
  { header: 'Resource id', width: 40, value: f => text(f.resourceId) },
  { header: 'Resource type', width: 20, value: f => text(f.resourceType) },
  { header: 'Account', width: 16, value: f => text(f.account) },
  { header: 'Region', width: 13, value: f => text(f.region) },
  { header: 'Specifications', width: 26, value: f => f.citations.join('; ') },
  { header: 'Specifications from', width: 12, value: f => f.citationSource },
  { header: 'Detail', width: 48, value: f => text(f.statusDetail) },
  { header: 'Remediation', width: 48, value: f => text(f.remediationText) },
  { header: 'Remediation link', width: 30, value: f => text(f.remediationUrl) },
  { header: 'Resources', width: 10, value: f => f.itemCount },
  { header: 'Observed', width: 20, value: f => text(f.observedAt) },
  { header: 'First seen', width: 20, value: f => text(f.firstSeen) },
  { header: 'Scanner', width: 13, value: f => f.scanner },
  { header: 'Scan', width: 6, value: f => f.scanId },
  { header: 'Scan superseded', width: 11, value: f => (f.current ? 'no' : 'yes') },
  { header: 'Finding', width: 8, value: f => f.id }
]

/** A row of cells: numbers as numbers, every text through the formula neutraliser. */
const cellsOf = (f: FindingRowView): (string | number)[] =>
  COLUMNS.map(c => {
    const value = c.value(f)
    return typeof value === 'number' ? value : spreadsheetSafe(value)
  })

export function findingsExportFormat(file: string): 'csv' | 'xlsx' {
  const extension = path.extname(file).toLowerCase()
  if (extension === '.csv') return 'csv'
  if (extension === '.xlsx') return 'xlsx'
  throw new ApiError('invalid-input', `"${path.basename(file)}" must end in .csv or .xlsx: that is how the format is chosen.`)
}

export interface ExportControl {
  signal: AbortSignal
  progress(done: number, total: number): void
}

/** Writes beside the target (owner-only), flushes and renames; a failure or a cancel leaves no file behind. */
export async function exportFindings(db: Db, options: FindingsViewOptions, file: string, control: ExportControl): Promise<FindingsExportResult> {
  const target = path.resolve(file)
  const format = findingsExportFormat(target)
  const dir = path.dirname(target)
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new ApiError('not-found', `The folder ${dir} does not exist.`)
  const existing = fs.lstatSync(target, { throwIfNoEntry: false })
  if (existing?.isSymbolicLink()) throw new ApiError('invalid-input', `"${target}" is a symbolic link; choose another place to save.`)
  if (existing?.isDirectory()) throw new ApiError('not-a-file', `${target} is a folder; give a file name.`)

  const ids = viewFindingIds(db, options)
  const firstSeen = firstSeenOfAll(db)
  const current = new Set(latestScanIds(db))
  const temporary = path.join(dir, `.${path.basename(target)}.${process.pid}.partial`)
  fs.rmSync(temporary, { force: true })
  const out = fs.createWriteStream(temporary, { flags: 'wx', mode: 0o600 })
  const opened = new Promise<void>((resolve, reject) => out.once('open', () => resolve()).once('error', reject))
  const finished = new Promise<void>((resolve, reject) => out.once('close', () => resolve()).once('error', reject))
  const batches = async (each: (rows: (string | number)[][]) => Promise<void> | void) => {
    for (let at = 0; at < ids.length; at += BATCH) {
      if (control.signal.aborted) throw new ApiError('cancelled', `Export cancelled: ${target} not written`)
      const rows = findingsByIds(db, ids.slice(at, at + BATCH), current).map(f => cellsOf({ ...f, firstSeen: firstSeen.get(f.keyHash) ?? null }))
      await each(rows)
      control.progress(Math.min(at + BATCH, ids.length), ids.length)
      // Lets a cancel (and other calls) through between batches.
      await new Promise(resolve => setImmediate(resolve))
    }
  }
  try {
    await opened
    if (format === 'csv') {
      const write = (chunk: string) => (out.write(chunk) ? Promise.resolve() : new Promise<void>(resolve => out.once('drain', () => resolve())))
      await write(stringify([COLUMNS.map(c => c.header)], { bom: true, record_delimiter: 'windows' }))
      await batches(rows => write(stringify(rows, { record_delimiter: 'windows' })))
      out.end()
    } else {
      // No styles table: at 100k rows it halves the time (the header stays plain; frozen and filtered it still reads as one).
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false })
      workbook.creator = 'Safeguard'
      const sheet = workbook.addWorksheet('Findings', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] })
      sheet.columns = COLUMNS.map((c, index) => ({ header: c.header, key: `c${index}`, width: c.width }))
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } }
      sheet.getRow(1).commit()
      await batches(rows => {
        for (const row of rows) sheet.addRow(row).commit()
      })
      sheet.commit()
      await workbook.commit()
    }
    await finished
    const fd = fs.openSync(temporary, 'r+')
    try {
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    renameDurably(temporary, target)
  } catch (error) {
    out.destroy()
    await finished.catch(() => undefined)
    fs.rmSync(temporary, { force: true })
    if (error instanceof ApiError) throw error
    throw new ApiError('not-found', `Could not write "${target}": ${(error as Error).message}`)
  }
  return { path: target, format, rows: ids.length }
}
