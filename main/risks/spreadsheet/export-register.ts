// Writes the register of the current period as CSV or as an Excel workbook
// (formatted header, filters, frozen header row, widths that fit).
import fs from 'node:fs'
import path from 'node:path'
import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import type { Db } from '../../db/driver'
import { ApiError } from '../../shared/errors'
import { spreadsheetSafe } from '../../shared/spreadsheet-safe'
import type { RiskFileResult } from '../contract'
import { periodOf, type Clock } from '../reads'
import { REGISTER_COLUMNS, registerRows, scaleRows } from './columns'

export const REGISTER_FILE_FILTERS = [
  { name: 'Excel workbook', extensions: ['xlsx'] },
  { name: 'CSV spreadsheet', extensions: ['csv'] }
]

export function registerFormatOf(file: string): 'csv' | 'xlsx' {
  const extension = path.extname(file).toLowerCase()
  if (extension === '.csv') return 'csv'
  if (extension === '.xlsx') return 'xlsx'
  throw new ApiError('invalid-input', `"${path.basename(file)}" must end in .csv or .xlsx: that is how the format is chosen.`)
}

/** The register as rows of text, formula-safe. */
function tableOf(db: Db, clock: Clock): string[][] {
  const period = periodOf(db, clock)
  return registerRows(db, period.id, clock.today).map(row => REGISTER_COLUMNS.map(column => spreadsheetSafe(column.value(row))))
}

const MIN_WIDTH = 8
const MAX_WIDTH = 60

export async function registerWorkbook(table: readonly string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Safeguard'
  const sheet = workbook.addWorksheet('Risks', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] })
  sheet.columns = REGISTER_COLUMNS.map((column, index) => {
    const longest = Math.max(column.header.length, ...table.map(row => Math.max(...(row[index] ?? '').split('\n').map(line => line.length))))
    return { header: column.header, key: `c${index}`, width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2)) }
  })
  for (const row of table) sheet.addRow(row)
  const header = sheet.getRow(1)
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } }
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3A5F' } }
  header.alignment = { vertical: 'middle', wrapText: true }
  REGISTER_COLUMNS.forEach((column, index) => {
    if (column.wrap) sheet.getColumn(index + 1).alignment = { wrapText: true, vertical: 'top' }
  })
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REGISTER_COLUMNS.length } }
  const scale = workbook.addWorksheet('Scale')
  for (const row of scaleRows()) scale.addRow(row.map(spreadsheetSafe))
  scale.getRow(1).font = { bold: true }
  scale.getColumn(1).width = 22
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export function registerCsv(table: readonly string[][]): string {
  return stringify([REGISTER_COLUMNS.map(c => c.header), ...table], { bom: true, record_delimiter: 'windows' })
}

/** Written beside the target and renamed, so a failed export never leaves half a file. */
export async function writeRegisterFile(db: Db, clock: Clock, file: string): Promise<RiskFileResult> {
  const target = path.resolve(file)
  const format = registerFormatOf(target)
  const table = tableOf(db, clock)
  const content = format === 'csv' ? registerCsv(table) : await registerWorkbook(table)
  const temporary = `${target}.${process.pid}.tmp`
  try {
    fs.writeFileSync(temporary, content)
    fs.renameSync(temporary, target)
  } catch (error) {
    fs.rmSync(temporary, { force: true })
    throw new ApiError('not-found', `Could not write "${target}": ${(error as Error).message}`)
  }
  return { path: target, format, rows: table.length }
}
