import type { AnswerValue } from '../catalog.types'
import type { Db } from '../../db/driver'
import type { AnswerView } from '../contract'

interface AnswerRow {
  question_id: string
  value: AnswerValue
  notes: string
  field_value: number | string | null
  to_confirm: 0 | 1
  updated_at: string
}

const toView = (row: AnswerRow): AnswerView => ({
  questionId: row.question_id,
  value: row.value,
  notes: row.notes,
  fieldValue: row.field_value,
  toConfirm: row.to_confirm === 1,
  updatedAt: row.updated_at
})

export function listAnswers(db: Db, periodId: string): AnswerView[] {
  return (db.prepare('SELECT * FROM assessment_answer WHERE period_id = ?').all(periodId) as AnswerRow[]).map(toView)
}

export function getAnswer(db: Db, periodId: string, questionId: string): AnswerView | undefined {
  const row = db.prepare('SELECT * FROM assessment_answer WHERE period_id = ? AND question_id = ?').get(periodId, questionId) as AnswerRow | undefined
  return row && toView(row)
}

export function upsertAnswer(db: Db, periodId: string, answer: Omit<AnswerView, 'updatedAt'>, now: string): void {
  db.prepare(
    `INSERT INTO assessment_answer (period_id, question_id, value, notes, field_value, to_confirm, updated_at)
     VALUES (@periodId, @questionId, @value, @notes, @fieldValue, @toConfirm, @now)
     ON CONFLICT (period_id, question_id) DO UPDATE SET value = excluded.value, notes = excluded.notes,
       field_value = excluded.field_value, to_confirm = excluded.to_confirm, updated_at = excluded.updated_at`
  ).run({ ...answer, periodId, toConfirm: answer.toConfirm ? 1 : 0, now })
}

/** Carries answers into a new period, each marked 'to confirm'. */
export function copyAnswersToConfirm(db: Db, fromPeriod: string, toPeriod: string, now: string): number {
  return db
    .prepare(
      `INSERT INTO assessment_answer (period_id, question_id, value, notes, field_value, to_confirm, updated_at)
       SELECT ?, question_id, value, notes, field_value, 1, ? FROM assessment_answer WHERE period_id = ?`
    )
    .run(toPeriod, now, fromPeriod).changes
}
