// Reading an Excel workbook a person sends back: checked by size and by what
// it unpacks to before it is parsed, then each sheet as rows of plain text.
import path from 'node:path'
import ExcelJS from 'exceljs'
import { ApiError } from '../errors'
import { parserMessage } from '../excerpt'
import { checkZipLimits } from './zip-guard'

export interface SheetRows {
  name: string
  /** The header row's cells, trimmed. */
  header: string[]
  /** Data rows under the header, blank rows left out; `row` is the sheet's own row number (header = 1). */
  rows: { row: number; cells: string[] }[]
}

export interface WorkbookLimits {
  /** What the file should be, for messages: "a questionnaire workbook". */
  what: string
  /** The most data rows one sheet may hold; more is refused before any row is read. */
  maxRowsPerSheet: number
  /** The most bytes the parts may unpack to. */
  maxUnpackedBytes: number
}

/** A cell's value as text: rich text joined, a formula's cached result, a date as YYYY-MM-DD. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map(part => part.text).join('')
    // A formula a person typed counts by the value it showed them (else by its text); it is never run here.
    if ('formula' in value || 'sharedFormula' in value) {
      if ('result' in value && value.result !== undefined) return cellText(value.result as ExcelJS.CellValue)
      return 'formula' in value ? `=${value.formula}` : ''
    }
    if ('text' in value) return String(value.text)
    if ('error' in value) return ''
  }
  return String(value)
}

/** Loads the workbook's sheets (all, or the first only) as text rows. */
export async function readWorkbookRows(
  bytes: Buffer,
  file: string,
  limits: WorkbookLimits,
  options: { firstSheetOnly?: boolean } = {}
): Promise<SheetRows[]> {
  const name = path.basename(file)
  checkZipLimits(bytes, name, limits.what, { maxUnpackedBytes: limits.maxUnpackedBytes, maxEntries: 200 })
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch (error) {
    throw new ApiError('import-rejected', `"${name}" is not a readable Excel workbook: ${parserMessage(error)}. Nothing was imported.`)
  }
  const sheets = options.firstSheetOnly ? workbook.worksheets.slice(0, 1) : workbook.worksheets
  if (sheets.length === 0) throw new ApiError('import-rejected', `"${name}" has no worksheet. Nothing was imported.`)
  return sheets.map(sheet => {
    if (sheet.rowCount - 1 > limits.maxRowsPerSheet) {
      throw new ApiError(
        'import-rejected',
        `"${name}", sheet "${sheet.name}" has ${(sheet.rowCount - 1).toLocaleString('en-US')} rows, more than the ` +
          `${limits.maxRowsPerSheet.toLocaleString('en-US')} ${limits.what} can hold. Nothing was imported.`
      )
    }
    const width = sheet.columnCount
    const valuesOf = (rowNumber: number): string[] => {
      const row = sheet.getRow(rowNumber)
      return Array.from({ length: width }, (_, index) => cellText(row.getCell(index + 1).value))
    }
    const header = valuesOf(1).map(cell => cell.trim())
    const rows: SheetRows['rows'] = []
    for (let rowNumber = 2; rowNumber <= sheet.rowCount; rowNumber++) {
      const cells = valuesOf(rowNumber)
      const nul = cells.findIndex(cell => cell.includes('\0'))
      if (nul >= 0) {
        throw new ApiError(
          'import-rejected',
          `"${name}", sheet "${sheet.name}" has a NUL character in row ${rowNumber}, column ${nul + 1}. Nothing was imported.`
        )
      }
      if (cells.every(cell => cell.trim() === '')) continue
      rows.push({ row: rowNumber, cells })
    }
    return { name: sheet.name, header, rows }
  })
}
