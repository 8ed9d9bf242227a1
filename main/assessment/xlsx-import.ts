// Reading a returned questionnaire workbook: each question sheet's rows become
// the same records as CSV lines and go through the same row checker. The locked
// columns are compared with what Safeguard wrote; a change is reported, not used.
import path from 'node:path'
import type { AssessmentCatalog } from './catalog'
import { questionnaireRows } from './csv-export'
import { CSV_REQUIRED_COLUMNS } from './csv-format'
import { planQuestionnaireRows, type CsvImportPlan, type QuestionnaireRecord } from './csv-import'
import type { AssessmentState } from './questionnaire'
import { CHECKED_LOCKED_COLUMNS, INSTRUCTIONS_SHEET, MAX_WORKBOOK_ROWS_PER_SHEET, MAX_WORKBOOK_UNPACKED_BYTES } from './xlsx-format'
import { ApiError } from '../shared/errors'
import { fromSpreadsheetSafe } from '../shared/spreadsheet-safe'
import { readWorkbookRows, type SheetRows } from '../shared/xlsx/read-workbook'

/** The workbook's sheets as text, refused by what it unpacks to and by row count before any row is read. */
export function readQuestionnaireWorkbook(bytes: Buffer, file: string): Promise<SheetRows[]> {
  return readWorkbookRows(bytes, file, {
    what: 'a questionnaire workbook',
    maxRowsPerSheet: MAX_WORKBOOK_ROWS_PER_SHEET,
    maxUnpackedBytes: MAX_WORKBOOK_UNPACKED_BYTES
  })
}

/** The sheets' rows as questionnaire records, with the locked columns that differ from Safeguard's text. */
export function workbookRecords(
  catalog: AssessmentCatalog,
  state: AssessmentState,
  sheets: readonly SheetRows[],
  file: string
): QuestionnaireRecord[] {
  const name = path.basename(file)
  // What Safeguard wrote for each question, to compare the locked columns with.
  const written = new Map(questionnaireRows(catalog, state).map(row => [row.cells.question_id, row.cells]))
  const records: QuestionnaireRecord[] = []
  for (const sheet of sheets) {
    if (sheet.name === INSTRUCTIONS_SHEET) continue
    const header = sheet.header.map(column => column.toLowerCase())
    const missing = CSV_REQUIRED_COLUMNS.filter(column => !header.includes(column))
    if (missing.length > 0) {
      throw new ApiError(
        'import-rejected',
        `"${name}", sheet "${sheet.name}" lacks the column(s) ${missing.join(', ')}. Export the questionnaire again and fill that workbook in. Nothing was imported.`
      )
    }
    const duplicate = header.find((column, index) => column !== '' && header.indexOf(column) !== index)
    if (duplicate)
      throw new ApiError('import-rejected', `"${name}", sheet "${sheet.name}" has the column "${duplicate}" twice. Nothing was imported.`)
    for (const { row, cells: values } of sheet.rows) {
      const cells = Object.fromEntries(header.flatMap((column, index) => (column === '' ? [] : [[column, values[index]]])))
      const id = fromSpreadsheetSafe((cells.question_id ?? '').trim())
      const ours = written.get(id)
      const lockedChanged = ours
        ? CHECKED_LOCKED_COLUMNS.filter(
            column => header.includes(column) && fromSpreadsheetSafe((cells[column] ?? '').trim()) !== ours[column].trim()
          )
        : []
      records.push({ line: row, sheet: sheet.name, cells, ...(lockedChanged.length > 0 ? { lockedChanged } : {}) })
    }
  }
  if (records.length === 0) throw new ApiError('import-rejected', `"${name}" has no question rows. Nothing was imported.`)
  return records
}

/** Checks every row of a read workbook; changes nothing. */
export function planWorkbookImport(catalog: AssessmentCatalog, state: AssessmentState, sheets: readonly SheetRows[], file: string): CsvImportPlan {
  return planQuestionnaireRows(catalog, state, workbookRecords(catalog, state, sheets, file))
}
