import { stringify } from 'csv-stringify/sync'
import type { ProcurementAnswer } from '../assessment/contract'
import { citationsText, procurementStatusWord } from '../assessment/reads'
import { spreadsheetSafe } from '../shared/spreadsheet-safe'

/**
 * The procurement answers as CSV, one row per question, with the same words and citations as the
 * screen and the pack. Every cell passes spreadsheetSafe: an answer quotes notes a person typed.
 * A BOM makes spreadsheet programs read UTF-8 (curly quotes, dashes) correctly.
 */
export const PROCUREMENT_CSV_COLUMNS = ['Question', 'Status', 'Answer', 'Citations', 'Based on'] as const

export function procurementCsv(answers: readonly ProcurementAnswer[]): string {
  const rows = answers.map(a => [a.question, procurementStatusWord(a) ?? 'Described', a.answer, citationsText(a.citations), a.basis.join('; ')])
  return stringify(
    rows.map(row => row.map(spreadsheetSafe)),
    { header: true, columns: [...PROCUREMENT_CSV_COLUMNS], bom: true, record_delimiter: 'windows' }
  )
}
