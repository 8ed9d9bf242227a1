// Reading a filled-in questionnaire CSV back: every row is checked first and
// reported; only a file without rejected rows is saved, in one transaction.
import { parse } from 'csv-parse/sync'
import { ApiError } from '../shared/errors'
import type { Db } from '../db/driver'
import { applyAnswerChange, checkFieldValue, type AnswerChange } from './answer-change'
import type { AssessmentCatalog } from './catalog'
import type { CsvImportReport, CsvImportRow, DecisionKind } from './contract'
import {
  ANSWER_LABELS,
  CSV_REQUIRED_COLUMNS,
  DECISION_LABELS,
  PROFILE_ROW_PREFIX,
  parseAnswerCell,
  parseDecisionCell,
  parseYesNoCell
} from './csv-format'
import type { AssessmentState } from './questionnaire'
import { applyDecisionChange, applyProfileValue, type DecisionChange } from './record-changes'
import { fromSpreadsheetSafe } from '../shared/spreadsheet-safe'

export type Cells = Record<string, string | undefined>

/** One row of a returned questionnaire, from a CSV line or a workbook row. */
export interface QuestionnaireRecord {
  /** The CSV line (1 = header) or the sheet's row number. */
  line: number
  /** The workbook sheet the row is on; none for CSV. */
  sheet?: string
  cells: Cells
  /** Locked columns the file changed (workbook only): reported with the row, their text not used. */
  lockedChanged?: string[]
}

interface PlannedChanges {
  answers: AnswerChange[]
  decisions: DecisionChange[]
  profile: { key: string; value: boolean }[]
}

export interface CsvImportPlan {
  report: Omit<CsvImportReport, 'path' | 'applied' | 'dryRun'>
  changes: PlannedChanges
}

function parseCsv(text: string): Cells[] {
  let records: string[][]
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: false }) as string[][]
  } catch (error) {
    throw new ApiError('import-rejected', `The file is not a readable CSV: ${(error as Error).message}. Nothing was imported.`)
  }
  const [rawHeader, ...lines] = records
  if (!rawHeader) return []
  const header = rawHeader.map(h => h.trim().toLowerCase())
  // A NUL comes from a binary or damaged file, and would cut the text short wherever a C string reads it.
  records.forEach((cells, index) => {
    const column = cells.findIndex(value => value.includes('\0'))
    if (column < 0) return
    const name = index === 0 || !header[column] ? `number ${column + 1}` : header[column]
    throw new ApiError('import-rejected', `The file has a NUL character on line ${index + 1}, column ${name}. Nothing was imported.`)
  })
  // Two columns of one name would leave only the last one's cells, silently.
  const duplicate = header.find((name, index) => header.indexOf(name) !== index)
  if (duplicate !== undefined) {
    throw new ApiError('import-rejected', `The file has the column "${duplicate}" twice. Keep one of them. Nothing was imported.`)
  }
  return lines.map(cells => Object.fromEntries(header.map((name, index) => [name, cells[index]])))
}

// A cell our export protected from running as a formula comes back without its apostrophe.
const cell = (row: Cells, column: string) => fromSpreadsheetSafe((row[column] ?? '').trim())

/** Checks every row of a CSV against the catalog and the current answers; changes nothing. */
export function planCsvImport(catalog: AssessmentCatalog, state: AssessmentState, text: string): CsvImportPlan {
  const records = parseCsv(text)
  const header = records.length > 0 ? Object.keys(records[0]!) : []
  const missing = CSV_REQUIRED_COLUMNS.filter(c => !header.includes(c))
  if (records.length === 0 || missing.length > 0) {
    throw new ApiError(
      'import-rejected',
      records.length === 0
        ? 'The file has no rows. Nothing was imported.'
        : `The file lacks the column(s) ${missing.join(', ')}. Export the questionnaire again and fill that file in. Nothing was imported.`
    )
  }

  return planQuestionnaireRows(
    catalog,
    state,
    records.map((cells, index) => ({ line: index + 2, cells }))
  )
}

const placeOf = (record: QuestionnaireRecord) => (record.sheet === undefined ? `line ${record.line}` : `sheet "${record.sheet}" row ${record.line}`)

/** Checks every row (of a CSV or a workbook) against the catalog and the current answers; changes nothing. */
export function planQuestionnaireRows(catalog: AssessmentCatalog, state: AssessmentState, records: readonly QuestionnaireRecord[]): CsvImportPlan {
  const rows: CsvImportRow[] = []
  const changes: PlannedChanges = { answers: [], decisions: [], profile: [] }
  const firstPlace = new Map<string, string>()
  const decisionLines = new Map<string, { place: string; decision: DecisionKind; explanation: string }>()

  records.forEach(source => {
    const { line, cells: record } = source
    const place = placeOf(source)
    const id = cell(record, 'question_id')
    const locked = source.lockedChanged ?? []
    const lockedNote =
      locked.length > 0
        ? ` The locked ${locked.length === 1 ? 'column' : 'columns'} ${locked.join(', ')} ${locked.length === 1 ? 'was' : 'were'} changed in the file; Safeguard's own text is kept.`
        : ''
    const report = (outcome: CsvImportRow['outcome'], message: string) =>
      rows.push({
        line,
        ...(source.sheet === undefined ? {} : { sheet: source.sheet }),
        questionId: id,
        outcome,
        message: message + lockedNote,
        ...(locked.length > 0 ? { lockedChanged: locked } : {})
      })

    if (!id) return report('skipped', 'No question id in this row.')
    if (firstPlace.has(id)) return report('rejected', `Question ${id} appears twice (first on ${firstPlace.get(id)}).`)
    firstPlace.set(id, place)

    if (id.startsWith(PROFILE_ROW_PREFIX)) {
      const key = id.slice(PROFILE_ROW_PREFIX.length)
      if (!catalog.data.profile.some(p => p.key === key)) return report('rejected', `Unknown profile question "${key}".`)
      const answer = cell(record, 'answer')
      if (!answer) return report('skipped', 'Not filled in.')
      const value = parseYesNoCell(answer)
      if (value === undefined) return report('rejected', `Answer "${answer}" must be Yes or No.`)
      if (state.profile[key] === value) return report('unchanged', 'Same as the saved answer.')
      changes.profile.push({ key, value })
      return report('accepted', `Profile: ${value ? 'Yes' : 'No'}.`)
    }

    const question = catalog.question(id)
    if (!question) return report('rejected', `Unknown question id "${id}". Do not change the question_id column.`)
    const saved = state.answers.get(id)
    const answerCell = cell(record, 'answer')
    const notes = cell(record, 'notes')
    const valueCell = cell(record, 'value')
    const decisionCell = cell(record, 'decision')
    const explanation = cell(record, 'decision_explanation')
    if (!answerCell && !notes && !valueCell && !decisionCell) return report('skipped', 'Not filled in.')

    const value = answerCell ? parseAnswerCell(answerCell) : undefined
    if (answerCell && !value) return report('rejected', `Answer "${answerCell}" is not one of: ${Object.values(ANSWER_LABELS).join(', ')}.`)
    let fieldValue: number | string | null | undefined
    if (valueCell) {
      try {
        fieldValue = checkFieldValue(question, valueCell)
      } catch (error) {
        return report('rejected', (error as Error).message)
      }
    }

    let decision: DecisionChange | undefined
    if (decisionCell) {
      const entry = question.source.kind === 'rule' ? catalog.entry(question.source.citation) : undefined
      if (!entry || entry.requirement !== 'addressable')
        return report('rejected', 'A decision can only be recorded for an Addressable specification; leave the decision column empty here.')
      const kind = parseDecisionCell(decisionCell)
      if (!kind) return report('rejected', `Decision "${decisionCell}" is not one of: ${Object.values(DECISION_LABELS).join(', ')}.`)
      if (kind !== 'implemented-as-specified' && !explanation)
        return report(
          'rejected',
          kind === 'equivalent-alternative'
            ? 'Describe the equivalent alternative in decision_explanation.'
            : 'Give the reason in decision_explanation.'
        )
      const other = decisionLines.get(entry.citation)
      if (other && (other.decision !== kind || other.explanation !== explanation))
        return report(
          'rejected',
          `${other.place.charAt(0).toUpperCase()}${other.place.slice(1)} records a different decision for ${entry.citation}; give one decision per specification.`
        )
      decisionLines.set(entry.citation, { place, decision: kind, explanation })
      const savedDecision = state.decisions.get(entry.citation)
      if (!other && (savedDecision?.decision !== kind || savedDecision.explanation !== explanation))
        decision = { citation: entry.citation, decision: kind, explanation }
    }

    const answerChange: AnswerChange = { questionId: id }
    const described: string[] = []
    if (value && value !== saved?.value) {
      answerChange.value = value
      described.push(`answer ${saved ? ANSWER_LABELS[saved.value] : '(none)'} → ${ANSWER_LABELS[value]}`)
    }
    if (notes && notes !== saved?.notes) {
      answerChange.notes = notes
      described.push('notes updated')
    }
    if (fieldValue !== undefined && fieldValue !== saved?.fieldValue) {
      answerChange.fieldValue = fieldValue
      described.push(`value ${saved?.fieldValue ?? '(none)'} → ${fieldValue}`)
    }
    if (decision) described.push(`decision: ${DECISION_LABELS[decision.decision!]}`)
    if (described.length === 0) return report('unchanged', 'Same as the saved answer.')
    if (Object.keys(answerChange).length > 1) changes.answers.push(answerChange)
    if (decision) changes.decisions.push(decision)
    return report('accepted', described.join('; '))
  })

  const count = (outcome: CsvImportRow['outcome']) => rows.filter(r => r.outcome === outcome).length
  return {
    report: { accepted: count('accepted'), unchanged: count('unchanged'), skipped: count('skipped'), rejected: count('rejected'), rows },
    changes
  }
}

/** Saves a plan with no rejected rows; all or nothing. */
export function applyCsvImport(catalog: AssessmentCatalog, db: Db, periodId: string, changes: PlannedChanges, today: string, now: string): void {
  db.transaction(() => {
    for (const { key, value } of changes.profile) applyProfileValue(catalog, db, periodId, key, value, now)
    for (const change of changes.answers) applyAnswerChange(catalog, db, periodId, change, now)
    for (const change of changes.decisions) applyDecisionChange(catalog, db, periodId, change, today, now)
  })()
}
