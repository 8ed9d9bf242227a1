// The questionnaire CSV a client fills in: columns and the words used in cells.
import type { AnswerValue } from './catalog.types'
import type { DecisionKind } from './contract'

/** Columns in file order. The importer reads only the ones marked 'filled in by the client'. */
export const CSV_COLUMNS = [
  'question_id',
  'section',
  'citation',
  'requirement',
  'topic',
  'question',
  'guidance',
  'evidence',
  'applies',
  'answer', // filled in by the client
  'notes', // filled in by the client
  'value', // filled in by the client
  'value_unit',
  'value_options',
  'decision', // filled in by the client (addressable specifications only)
  'decision_explanation' // filled in by the client
] as const

export const CSV_REQUIRED_COLUMNS = ['question_id', 'answer', 'notes', 'value', 'decision', 'decision_explanation'] as const

/** Profile rows use ids 'profile:<key>' and answer Yes or No. */
export const PROFILE_ROW_PREFIX = 'profile:'

export const ANSWER_LABELS: Record<AnswerValue, string> = {
  yes: 'Yes',
  partly: 'Partly',
  no: 'No',
  na: 'Not applicable',
  'not-assessed': 'Not assessed'
}

export const DECISION_LABELS: Record<DecisionKind, string> = {
  'implemented-as-specified': 'Implemented as specified',
  'equivalent-alternative': 'Equivalent alternative',
  'not-reasonable': 'Not reasonable and appropriate'
}

const normalise = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')

/** Accepts the label or the code, in any case: 'Not applicable', 'na', 'N/A'. */
export function parseAnswerCell(cell: string): AnswerValue | undefined {
  const text = normalise(cell)
  if (text === 'n/a') return 'na'
  for (const [code, label] of Object.entries(ANSWER_LABELS) as [AnswerValue, string][]) {
    if (text === normalise(label) || text === normalise(code.replace('-', ' '))) return code
  }
  return undefined
}

export function parseDecisionCell(cell: string): DecisionKind | undefined {
  const text = normalise(cell)
  for (const [code, label] of Object.entries(DECISION_LABELS) as [DecisionKind, string][]) {
    if (text === normalise(label) || text === normalise(code.replace(/-/g, ' ')) || normalise(label).startsWith(text + ' ')) return code
  }
  return undefined
}

export function parseYesNoCell(cell: string): boolean | undefined {
  const text = normalise(cell)
  if (['yes', 'y', 'true'].includes(text)) return true
  if (['no', 'n', 'false'].includes(text)) return false
  return undefined
}
