import { stringify } from 'csv-stringify/sync'
import type { AssessmentCatalog } from './catalog'
import type { QuestionGroup } from './contract'
import { ANSWER_LABELS, CSV_COLUMNS, DECISION_LABELS, PROFILE_ROW_PREFIX } from './csv-format'
import { groupTitle } from './progress'
import type { AssessmentState } from './questionnaire'
import { spreadsheetSafe } from '../shared/spreadsheet-safe'

export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>

/** One questionnaire row and where it belongs: 'profile' for the questions about the organisation, else its family (or cloud). */
export interface QuestionnaireRow {
  group: QuestionGroup | 'profile'
  cells: CsvRow
}

const emptyRow = (): CsvRow => Object.fromEntries(CSV_COLUMNS.map(c => [c, ''])) as CsvRow

/** Profile questions first, then every question with the current answers filled in; plain text, not yet formula-safe. */
export function questionnaireRows(catalog: AssessmentCatalog, state: AssessmentState): QuestionnaireRow[] {
  const rows: QuestionnaireRow[] = []
  for (const profile of catalog.data.profile) {
    const value = state.profile[profile.key]
    rows.push({
      group: 'profile',
      cells: {
        ...emptyRow(),
        question_id: `${PROFILE_ROW_PREFIX}${profile.key}`,
        section: 'About your organisation',
        question: profile.text,
        guidance: profile.help,
        applies: 'yes',
        answer: value === undefined ? '' : value ? 'Yes' : 'No',
        value_options: 'Yes; No'
      }
    })
  }
  for (const item of state.items) {
    const entry = item.group === 'cloud' ? undefined : catalog.entry(item.citations[0]!)
    const decision = entry?.requirement === 'addressable' ? state.decisions.get(entry.citation) : undefined
    const field = item.valueField
    rows.push({
      group: item.group,
      cells: {
        ...emptyRow(),
        question_id: item.id,
        section: groupTitle(catalog, item.group),
        citation: item.citations.join('; '),
        requirement: item.group === 'cloud' ? 'Cloud control' : item.requirement === 'addressable' ? 'Addressable' : 'Required',
        topic: item.topic,
        question: item.text,
        guidance: item.guidance,
        evidence: item.evidence.join('; '),
        applies: item.applies ? 'yes' : 'no',
        answer: item.answer ? ANSWER_LABELS[item.answer.value] : '',
        notes: item.answer?.notes ?? '',
        value: item.answer?.fieldValue === null || item.answer?.fieldValue === undefined ? '' : String(item.answer.fieldValue),
        value_unit: field ? (field.unit ?? field.label) : '',
        value_options: !field
          ? ''
          : field.type === 'choice'
            ? (field.choices ?? []).join('; ')
            : field.type === 'number'
              ? `number ${field.min ?? ''}-${field.max ?? ''}${field.recommended !== undefined ? ` (suggested ${field.recommended})` : ''}`
              : 'text',
        decision: decision ? DECISION_LABELS[decision.decision] : '',
        decision_explanation: decision?.explanation ?? ''
      }
    })
  }
  return rows
}

/**
 * The questionnaire as CSV (the rows of questionnaireRows). A BOM makes spreadsheet programs read it as UTF-8.
 */
export function questionnaireCsv(catalog: AssessmentCatalog, state: AssessmentState): { text: string; rows: number } {
  const rows = questionnaireRows(catalog, state).map(row => row.cells)
  // Every cell is text a person or the catalog wrote; none may run as a formula when the client opens the file.
  const safeRows = rows.map(row => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, spreadsheetSafe(String(value))])))
  const text = stringify(safeRows, { header: true, columns: [...CSV_COLUMNS], bom: true, record_delimiter: 'windows' })
  return { text, rows: rows.length }
}
