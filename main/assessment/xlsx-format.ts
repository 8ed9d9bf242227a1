// The questionnaire workbook's columns. Headers are the CSV's column names, so
// both files go through the same row checker on the way back.
import type { CSV_COLUMNS } from './csv-format'

type Column = (typeof CSV_COLUMNS)[number]

export interface WorkbookColumn {
  key: Column
  /** Locked columns identify the question; the sheet protection keeps them from being typed over, and the import checks them. */
  locked: boolean
  wrap?: boolean
  /** Widest a column grows to fit its text, in characters. */
  maxWidth: number
  /** Narrowest it is: room for the drop-down's longest value, or for typing. */
  minWidth?: number
}

export const WORKBOOK_COLUMNS: readonly WorkbookColumn[] = [
  { key: 'question_id', locked: true, maxWidth: 26 },
  { key: 'citation', locked: true, maxWidth: 22 },
  { key: 'requirement', locked: true, maxWidth: 14 },
  { key: 'question', locked: true, wrap: true, maxWidth: 60 },
  { key: 'guidance', locked: true, wrap: true, maxWidth: 60 },
  { key: 'answer', locked: false, minWidth: 16, maxWidth: 16 },
  { key: 'notes', locked: false, wrap: true, minWidth: 30, maxWidth: 40 },
  { key: 'value', locked: false, maxWidth: 12 },
  { key: 'value_options', locked: true, wrap: true, maxWidth: 24 },
  { key: 'decision', locked: false, minWidth: 30, maxWidth: 30 },
  { key: 'decision_explanation', locked: false, wrap: true, minWidth: 30, maxWidth: 40 }
]

/** The columns an import compares with the catalog: a change there is reported and not trusted. */
export const CHECKED_LOCKED_COLUMNS = ['citation', 'question'] as const

export const INSTRUCTIONS_SHEET = 'Instructions'

/** The most rows one sheet of the questionnaire holds when read back (the catalog has a few hundred questions). */
export const MAX_WORKBOOK_ROWS_PER_SHEET = 5_000
/** What all parts of a returned workbook may unpack to (an exported one is well under 1 MB). */
export const MAX_WORKBOOK_UNPACKED_BYTES = 50 * 1_048_576
