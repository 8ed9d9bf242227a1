// Reads a risk register file (CSV, or the "Risks" sheet of an Excel workbook)
// into rows of cells by column, refusing a file that is too large, has unknown
// or repeated columns, or holds formulas. Nothing is validated or stored here.
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { ApiError } from '../../shared/errors'
import { parserMessage, printableName } from '../../shared/excerpt'
import { readImportFileSync } from '../../shared/regular-file'
import { fromSpreadsheetSafe } from '../../shared/spreadsheet-safe'
import { REGISTER_COLUMNS, REGISTER_HEADERS } from './columns'
import { registerFormatOf } from './export-register'

/** A register of thousands of risks is a few MB; anything far larger is the wrong file. */
const MAX_REGISTER_BYTES = 20 * 1024 * 1024
const IMPORTABLE = new Set(REGISTER_COLUMNS.filter(c => c.importable).map(c => c.header))

export type Cells = Record<string, string>

export interface ReadTable {
  format: 'csv' | 'xlsx'
  rows: { row: number; cells: Cells }[]
}

function checkHeader(file: string, header: readonly string[]): void {
  const unknown = header.filter(column => column !== '' && !REGISTER_HEADERS.includes(column))
  if (unknown.length > 0)
    throw new ApiError(
      'import-rejected',
      `"${file}" has columns the risk register does not know: ${unknown
        .slice(0, 5)
        .map(c => printableName(c))
        .join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}. Known: ${REGISTER_HEADERS.join(', ')}.`
    )
  const duplicate = header.find((column, index) => column !== '' && header.indexOf(column) !== index)
  if (duplicate) throw new ApiError('import-rejected', `"${file}" has the column ${duplicate} twice.`)
  // A file of updates to risks already recorded (a Key column) may leave the other columns out.
  for (const required of ['Assets', 'Threat'])
    if (!header.includes(required) && !header.includes('Key'))
      throw new ApiError('import-rejected', `"${file}" has no ${required} column; every new risk needs one.`)
}

function toCells(header: readonly string[], values: readonly string[]): Cells {
  const cells: Cells = {}
  header.forEach((column, index) => {
    if (column !== '' && IMPORTABLE.has(column)) cells[column] = fromSpreadsheetSafe((values[index] ?? '').trim())
  })
  return cells
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map(part => part.text).join('')
    if ('formula' in value || 'sharedFormula' in value) throw new Error('holds a formula; the register import reads values only')
    if ('text' in value) return String(value.text)
    if ('error' in value) return ''
  }
  return String(value)
}

/** The rows of a CSV or Excel register as cells by header (importable columns only), checked for size and header. */
export async function readRegisterFile(file: string): Promise<ReadTable> {
  const name = path.basename(file)
  const tooLarge = () => new ApiError('import-rejected', `"${name}" is larger than the 20 MB limit for a risk register.`)
  const bytes = readImportFileSync(file, MAX_REGISTER_BYTES, tooLarge, 'a risk register')
  const format = registerFormatOf(file)
  if (format === 'csv') {
    let records: string[][]
    try {
      records = parse(bytes.toString('utf8'), { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][]
    } catch (error) {
      throw new ApiError('import-rejected', `"${name}" is not valid CSV: ${parserMessage(error)}`)
    }
    const [header = [], ...lines] = records
    const names = header.map(h => h.trim())
    checkHeader(name, names)
    return { format, rows: lines.map((values, index) => ({ row: index + 1, cells: toCells(names, values) })) }
  }
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch (error) {
    throw new ApiError('import-rejected', `"${name}" is not a readable Excel workbook: ${parserMessage(error)}`)
  }
  const sheet = workbook.getWorksheet('Risks') ?? workbook.worksheets[0]
  if (!sheet) throw new ApiError('import-rejected', `"${name}" has no worksheet.`)
  const width = sheet.columnCount
  const valuesOf = (rowNumber: number): string[] => {
    const row = sheet.getRow(rowNumber)
    return Array.from({ length: width }, (_, index) => {
      try {
        return cellText(row.getCell(index + 1).value)
      } catch (error) {
        throw new ApiError('import-rejected', `"${name}", sheet ${sheet.name}, cell ${row.getCell(index + 1).address} ${(error as Error).message}.`)
      }
    })
  }
  const header = valuesOf(1).map(h => h.trim())
  checkHeader(`${name}" sheet "${sheet.name}`, header)
  const rows: ReadTable['rows'] = []
  for (let rowNumber = 2; rowNumber <= sheet.rowCount; rowNumber++) {
    const values = valuesOf(rowNumber)
    if (values.every(v => v.trim() === '')) continue
    rows.push({ row: rowNumber - 1, cells: toCells(header, values) })
  }
  return { format, rows }
}
