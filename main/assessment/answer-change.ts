// Saving one answer: validated against the question, saved, and audited field by field.
import { ApiError } from '../shared/errors'
import type { Db } from '../db/driver'
import type { AssessmentCatalog } from './catalog'
import type { AnswerValue, CatalogQuestion } from './catalog.types'
import type { AnswerView } from './contract'
import { getAnswer, upsertAnswer } from './db/answers'
import { recordChange } from './db/audit'

export interface AnswerChange {
  questionId: string
  value?: AnswerValue
  notes?: string
  fieldValue?: number | string | null
  toConfirm?: false
}

export function requireQuestion(catalog: AssessmentCatalog, questionId: string): CatalogQuestion {
  const question = catalog.question(questionId)
  if (!question) throw new ApiError('not-found', `There is no question "${questionId}" in the assessment.`)
  return question
}

/** Checks a value-field entry against the question's field; returns it normalised or throws with the reason. */
export function checkFieldValue(question: CatalogQuestion, value: number | string | null): number | string | null {
  if (value === null || value === '') return null
  const field = question.valueField
  if (!field) throw new ApiError('invalid-input', `Question ${question.id} has no value to record.`)
  if (field.type === 'number') {
    const number = typeof value === 'number' ? value : Number(String(value).trim())
    if (!Number.isFinite(number))
      throw new ApiError('invalid-input', `${field.label} must be a number${field.unit ? ` of ${field.unit}` : ''}; got "${value}".`)
    if ((field.min !== undefined && number < field.min) || (field.max !== undefined && number > field.max))
      throw new ApiError(
        'invalid-input',
        `${field.label} must be between ${field.min ?? '-∞'} and ${field.max ?? '∞'}${field.unit ? ` ${field.unit}` : ''}; got ${number}.`
      )
    return number
  }
  const text = String(value).trim()
  if (field.type === 'choice' && !field.choices?.includes(text))
    throw new ApiError('invalid-input', `${field.label} must be one of: ${field.choices?.join('; ')}; got "${text}".`)
  return text
}

/** Applies the change (only the fields given) and audits what changed. Run inside a transaction. */
export function applyAnswerChange(
  catalog: AssessmentCatalog,
  db: Db,
  periodId: string,
  change: AnswerChange,
  now: string
): { before: AnswerView | undefined; after: AnswerView } {
  const question = requireQuestion(catalog, change.questionId)
  const before = getAnswer(db, periodId, question.id)
  const after: Omit<AnswerView, 'updatedAt'> = {
    questionId: question.id,
    value: change.value ?? before?.value ?? 'not-assessed',
    notes: change.notes ?? before?.notes ?? '',
    fieldValue: change.fieldValue !== undefined ? checkFieldValue(question, change.fieldValue) : (before?.fieldValue ?? null),
    // Any edit, or an explicit confirmation, means someone has looked at the copied answer again.
    toConfirm: false
  }
  // A new answer is compared with a blank one, so the trail shows only what was actually entered.
  const baseline = before ?? { value: null, notes: '', fieldValue: null, toConfirm: false }
  const fields = ['value', 'notes', 'fieldValue', 'toConfirm'] as const
  const changed = fields.filter(f => baseline[f] !== after[f])
  if (before !== undefined && changed.length === 0) return { before, after: before }
  upsertAnswer(db, periodId, after, now)
  for (const field of changed) {
    recordChange(db, { periodId, at: now, subject: `answer:${question.id}`, field, oldValue: baseline[field], newValue: after[field] })
  }
  return { before, after: getAnswer(db, periodId, question.id)! }
}
