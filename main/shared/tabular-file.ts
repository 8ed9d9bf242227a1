import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { ApiError } from './errors'
import { parserMessage, printableName } from './excerpt'
import { readImportFileSync } from './regular-file'
import { countCsvRows, countJsonRows } from './register-row-count'
import { fromSpreadsheetSafe } from './spreadsheet-safe'
import { readWorkbookRows } from './xlsx/read-workbook'

/**
 * Reads a register a consultant kept in a spreadsheet (CSV or an Excel workbook's first sheet) or exported as
 * JSON, as plain rows for validation. Shared by the business-associate and
 * incident imports. Nothing is stored here.
 */

/** What the open dialog offers for an import. */
export const REGISTER_FILTERS = [{ name: 'Register (Excel, CSV or JSON)', extensions: ['xlsx', 'csv', 'json'] }]

/** Registers are small; a larger file is almost certainly the wrong one. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

export interface TabularRows {
  format: 'json' | 'csv' | 'xlsx'
  /** JSON: the parsed items; CSV and Excel: one object per line, empty cells left out. */
  rows: unknown[]
}

function readBytes(file: string): Buffer {
  const tooLarge = () => new ApiError('import-rejected', `"${path.basename(file)}" is larger than the 20 MB limit for a register.`)
  return readImportFileSync(file, MAX_IMPORT_BYTES, tooLarge, 'a register file')
}

/** What a register workbook's parts may unpack to: ten times the file limit is far more than 10,000 rows need. */
const MAX_WORKBOOK_UNPACKED_BYTES = 10 * MAX_IMPORT_BYTES

export interface TabularFileOptions {
  /** For JSON, the key of an object wrapping the array (e.g. "incidents"); a bare array or a single object also work. */
  listKey: string
  /** For CSV, the accepted header names; any other column is refused so a typo is never silently dropped. */
  columns: readonly string[]
  /** The most rows the import takes, counted from the text before any row is parsed. */
  maxRows: number
  /** What a row is, for messages: "incidents", "business associates". */
  rowNoun: string
}

/** Refuses a file with more rows than the import takes, naming the file, the count and the limit. */
function checkRowCount(file: string, count: number, options: TabularFileOptions): void {
  if (count <= options.maxRows) return
  throw new ApiError(
    'import-rejected',
    `"${path.basename(file)}" holds ${count.toLocaleString('en-US')} rows, more than the ${options.maxRows.toLocaleString('en-US')} ` +
      `${options.rowNoun} one import takes. Nothing was imported; split the file into smaller ones.`
  )
}

export async function readTabularFile(file: string, options: TabularFileOptions): Promise<TabularRows> {
  const bytes = readBytes(file)
  const extension = path.extname(file).toLowerCase()
  if (extension === '.xlsx') {
    // The first sheet, header row first, read as the CSV is; sheets are refused by size and row count before any row is read.
    const [sheet] = await readWorkbookRows(
      bytes,
      file,
      { what: `a register of ${options.rowNoun}`, maxRowsPerSheet: options.maxRows, maxUnpackedBytes: MAX_WORKBOOK_UNPACKED_BYTES },
      { firstSheetOnly: true }
    )
    const header = sheet!.header
    checkHeader(file, header, options)
    return {
      format: 'xlsx',
      rows: sheet!.rows.map(({ cells }) =>
        Object.fromEntries(
          header.flatMap((column, index) => (column !== '' && cells[index]?.trim() ? [[column, fromSpreadsheetSafe(cells[index].trim())]] : []))
        )
      )
    }
  }
  const text = bytes.toString('utf8')
  if (extension === '.json') {
    checkRowCount(file, countJsonRows(text, options.listKey), options)
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch (error) {
      throw new ApiError('import-rejected', `"${path.basename(file)}" is not valid JSON: ${parserMessage(error)}`)
    }
    if (Array.isArray(data)) {
      checkRowCount(file, data.length, options)
      return { format: 'json', rows: data }
    }
    if (data !== null && typeof data === 'object') {
      const wrapped = Object.prototype.hasOwnProperty.call(data, options.listKey) ? (data as Record<string, unknown>)[options.listKey] : undefined
      if (Array.isArray(wrapped)) {
        checkRowCount(file, wrapped.length, options)
        return { format: 'json', rows: wrapped }
      }
      return { format: 'json', rows: [data] }
    }
    throw new ApiError('import-rejected', `"${path.basename(file)}" must hold an array of ${options.listKey}, or one object.`)
  }
  if (extension === '.csv') {
    checkRowCount(file, countCsvRows(text), options)
    let records: string[][]
    try {
      records = parse(text, { bom: true, skip_empty_lines: true, trim: true }) as string[][]
    } catch (error) {
      throw new ApiError('import-rejected', `"${path.basename(file)}" is not valid CSV: ${parserMessage(error)}`)
    }
    const [header, ...lines] = records
    if (!header) throw new ApiError('import-rejected', `"${path.basename(file)}" is empty.`)
    checkHeader(file, header, options)
    // The count before parsing reads line breaks as csv-parse does; this holds the limit whatever it missed.
    checkRowCount(file, lines.length, options)
    refuseNulCells(path.basename(file), header, lines)
    return {
      format: 'csv',
      rows: lines.map(cells => Object.fromEntries(header.flatMap((column, index) => (cells[index] ? [[column, cells[index]]] : []))))
    }
  }
  throw new ApiError('import-rejected', `"${path.basename(file)}" must be a .json, .csv or .xlsx file.`)
}

/** A header of known, distinct column names (an empty one in a workbook, a column never typed in, is left out). */
function checkHeader(file: string, header: readonly string[], options: TabularFileOptions): void {
  const nulColumn = header.findIndex(column => column.includes('\0'))
  if (nulColumn >= 0) {
    throw new ApiError(
      'import-rejected',
      `"${path.basename(file)}" has a NUL character in its header row, column ${nulColumn + 1}. Nothing was imported.`
    )
  }
  const unknown = header.filter(column => column !== '' && !options.columns.includes(column))
  if (unknown.length > 0) {
    throw new ApiError(
      'import-rejected',
      `"${path.basename(file)}" has columns this import does not know: ${unknown
        .slice(0, 5)
        .map(c => printableName(c))
        .join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}. Known columns: ${options.columns.join(', ')}.`
    )
  }
  const duplicate = header.find((column, index) => column !== '' && header.indexOf(column) !== index)
  if (duplicate) throw new ApiError('import-rejected', `"${path.basename(file)}" has the column ${duplicate} twice.`)
}

/**
 * A NUL character is never part of a register's text: it comes from a binary or corrupted file,
 * and it would cut the value short wherever a C string reads it. Refused, naming the row and column.
 * @param rows the data rows after the header; row 1 is the first of them.
 */
function refuseNulCells(fileName: string, header: readonly string[], rows: readonly (readonly string[])[]): void {
  rows.forEach((cells, rowIndex) => {
    const columnIndex = cells.findIndex(cell => cell.includes('\0'))
    if (columnIndex < 0) return
    const column = header[columnIndex] ?? `number ${columnIndex + 1}`
    throw new ApiError('import-rejected', `"${fileName}" has a NUL character in row ${rowIndex + 1}, column ${column}. Nothing was imported.`)
  })
}

/** 'yes'/'no', 'true'/'false', '1'/'0' from a spreadsheet cell; anything else is left for the schema to reject. */
export function cellBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value
  const lower = value.toLowerCase()
  if (['yes', 'y', 'true', '1'].includes(lower)) return true
  if (['no', 'n', 'false', '0'].includes(lower)) return false
  return value
}

export function cellInteger(value: unknown): unknown {
  return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value
}

/** A list cell: items separated by semicolons. */
export function cellList(value: unknown): unknown {
  return typeof value === 'string'
    ? value
        .split(';')
        .map(item => item.trim())
        .filter(item => item !== '')
    : value
}

/** Problems listed for one row, and the length of each: a row of a million unknown keys must not make a report of megabytes. */
const MAX_ISSUES_PER_ROW = 20
const MAX_ISSUE_CHARS = 300

/** Formats zod issues as 'field: message' lines, at most 20 of at most 300 characters each. */
export function issueLines(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] {
  const lines = issues.slice(0, MAX_ISSUES_PER_ROW).map(issue => {
    const line = `${issue.path.map(String).join('.') || '(row)'}: ${issue.message}`
    return line.length > MAX_ISSUE_CHARS ? `${line.slice(0, MAX_ISSUE_CHARS)}…` : line
  })
  const more = issues.length - lines.length
  return more > 0 ? [...lines, `and ${more.toLocaleString('en-US')} more ${more === 1 ? 'problem' : 'problems'} in this row`] : lines
}
