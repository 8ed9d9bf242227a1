// The questionnaire as an Excel workbook for a client: an instructions sheet,
// one sheet per safeguard family, locked identifying columns, drop-down lists.
import ExcelJS from 'exceljs'
import type { AssessmentCatalog } from './catalog'
import { QUESTION_GROUPS, type QuestionGroup } from './contract'
import { questionnaireRows, type QuestionnaireRow } from './csv-export'
import { ANSWER_LABELS, DECISION_LABELS } from './csv-format'
import { groupTitle } from './progress'
import type { AssessmentState } from './questionnaire'
import { INSTRUCTIONS_SHEET, WORKBOOK_COLUMNS } from './xlsx-format'
import { spreadsheetSafe } from '../shared/spreadsheet-safe'
import { sheetName } from '../shared/xlsx/sheet-names'

const PROFILE_SHEET = 'About your organisation'
const HEADER_FILL = 'FF1F3A5F'
const LOCKED_FILL = 'FFF2F2F2'

/** Printed or saved as PDF, a sheet is one page wide (landscape) and as many long as it needs. */
const PRINTED: Partial<ExcelJS.PageSetup> = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 }

const INSTRUCTION_WIDTH = 100
/** Points per line of 11-point text. */
const LINE_HEIGHT = 15

/** The height a row needs for its wrapped cells: the most lines any of them breaks into at its column's width (in characters). */
function heightFor(cells: readonly { text: string; width: number }[]): number {
  const lines = Math.max(
    1,
    ...cells.map(({ text, width }) =>
      text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil((line.length * 1.1) / Math.max(1, width - 2))), 0)
    )
  )
  return lines * LINE_HEIGHT
}

/** A drop-down list's values, as Excel writes them inline (quoted, comma-separated). */
const listOf = (values: readonly string[]) => [`"${values.join(',')}"`]

function instructionLines(): string[][] {
  return [
    ['Safeguard questionnaire'],
    [''],
    ['What to fill in', 'On each sheet, the columns answer, notes, value, decision and decision_explanation (white cells).'],
    ['Answers', `${Object.values(ANSWER_LABELS).join(', ')} (pick from the list). Profile questions take Yes or No.`],
    ['Decisions', `Only for Addressable specifications: ${Object.values(DECISION_LABELS).join(', ')}.`],
    ['', 'Equivalent alternative and Not reasonable and appropriate need a decision_explanation.'],
    ['value', 'Only where value_options names one: a number in its range, one of its choices, or text.'],
    ['Locked columns', 'question_id, citation, requirement, question, guidance and value_options (grey) identify the question.'],
    ['', 'The sheets are protected without a password to keep them from being typed over by mistake: this is a guide, not security.'],
    ['', 'If they are changed anyway, Safeguard reports the change on import and keeps its own text; a changed question_id rejects the file.'],
    ['Returning it', 'Save the workbook as .xlsx and send it back: it returns to Safeguard through Import (or "safeguard answers import").'],
    ['', 'Safeguard checks every row first and saves all of them or none, with a report per row.'],
    ['Note', 'The answers describe the status of safeguards; they are not a finding of compliance.']
  ]
}

function addInstructions(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET, { pageSetup: PRINTED })
  for (const line of instructionLines()) {
    const row = sheet.addRow(line.map(spreadsheetSafe))
    row.height = heightFor([{ text: line[1] ?? '', width: INSTRUCTION_WIDTH }])
  }
  sheet.mergeCells('A1:B1')
  sheet.getColumn(1).width = 18
  sheet.getColumn(1).font = { bold: true }
  sheet.getRow(1).font = { bold: true, size: 14 }
  sheet.getColumn(2).width = INSTRUCTION_WIDTH
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' }
}

async function addQuestionSheet(workbook: ExcelJS.Workbook, title: string, rows: readonly QuestionnaireRow[]): Promise<void> {
  const sheet = workbook.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }], pageSetup: PRINTED })
  sheet.pageSetup.printTitlesRow = '1:1'
  // Every cell is text a person or the catalog wrote; none may run as a formula when the client opens the file.
  const table = rows.map(row => WORKBOOK_COLUMNS.map(column => spreadsheetSafe(row.cells[column.key])))
  const widths = WORKBOOK_COLUMNS.map((column, index) => {
    const longest = Math.max(column.key.length, ...table.map(cells => Math.max(...cells[index]!.split('\n').map(line => line.length))))
    return Math.min(column.maxWidth, Math.max(column.minWidth ?? 8, longest + 2))
  })
  sheet.columns = WORKBOOK_COLUMNS.map((column, index) => ({ header: column.key, key: column.key, width: widths[index] }))
  const header = sheet.getRow(1)
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } }
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } }
  table.forEach((cells, rowIndex) => {
    const row = sheet.addRow(cells)
    // Spreadsheet programs do not grow a row to its wrapped text when they open a file; the height is set here.
    row.height = heightFor(WORKBOOK_COLUMNS.flatMap((column, index) => (column.wrap ? [{ text: cells[index]!, width: widths[index]! }] : [])))
    const source = rows[rowIndex]!
    const addressable = source.cells.requirement === 'Addressable'
    WORKBOOK_COLUMNS.forEach((column, index) => {
      const cell = row.getCell(index + 1)
      // Stored as text: a value such as 0012 or 1/2 stays as typed.
      cell.numFmt = '@'
      cell.alignment = { vertical: 'top', wrapText: column.wrap ?? false }
      const editable = !column.locked && (column.key !== 'decision' && column.key !== 'decision_explanation' ? true : addressable)
      cell.protection = { locked: !editable }
      if (!editable) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: LOCKED_FILL } }
    })
    const answerCell = row.getCell(WORKBOOK_COLUMNS.findIndex(c => c.key === 'answer') + 1)
    const answers = source.group === 'profile' ? ['Yes', 'No'] : Object.values(ANSWER_LABELS)
    answerCell.dataValidation = {
      type: 'list',
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: 'Answer',
      error: `One of: ${answers.join(', ')}`,
      formulae: listOf(answers)
    }
    if (addressable) {
      const decisionCell = row.getCell(WORKBOOK_COLUMNS.findIndex(c => c.key === 'decision') + 1)
      const decisions = Object.values(DECISION_LABELS)
      decisionCell.dataValidation = {
        type: 'list',
        allowBlank: true,
        showErrorMessage: true,
        errorTitle: 'Decision',
        error: `One of: ${decisions.join(', ')}`,
        formulae: listOf(decisions)
      }
    }
  })
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: WORKBOOK_COLUMNS.length } }
  // No password: the protection guides the client's typing; the import checks the locked columns itself.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, autoFilter: true, formatColumns: true, formatRows: true })
}

/** The workbook's bytes and how many question rows it holds (profile included). */
export async function questionnaireWorkbook(catalog: AssessmentCatalog, state: AssessmentState): Promise<{ bytes: Buffer; rows: number }> {
  const rows = questionnaireRows(catalog, state)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Safeguard'
  addInstructions(workbook)
  const groups: (QuestionGroup | 'profile')[] = ['profile', ...QUESTION_GROUPS]
  for (const group of groups) {
    const inGroup = rows.filter(row => row.group === group)
    if (inGroup.length === 0) continue
    await addQuestionSheet(workbook, group === 'profile' ? PROFILE_SHEET : groupTitle(catalog, group), inGroup)
  }
  return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), rows: rows.length }
}
