import type { Db } from '../../db/driver'
import type { RiskStatus } from '../contract'

export interface RiskRecord {
  questionId: string
  likelihood: number
  impact: number
  owner: string
  remediation: string
  dueOn: string | null
  status: RiskStatus
  updatedAt: string
}

interface RiskRow {
  question_id: string
  likelihood: number
  impact: number
  owner: string
  remediation: string
  due_on: string | null
  status: RiskStatus
  updated_at: string
}

const toRecord = (row: RiskRow): RiskRecord => ({
  questionId: row.question_id,
  likelihood: row.likelihood,
  impact: row.impact,
  owner: row.owner,
  remediation: row.remediation,
  dueOn: row.due_on,
  status: row.status,
  updatedAt: row.updated_at
})

export function listRisks(db: Db, periodId: string): RiskRecord[] {
  return (db.prepare('SELECT * FROM assessment_risk WHERE period_id = ?').all(periodId) as RiskRow[]).map(toRecord)
}

export function getRisk(db: Db, periodId: string, questionId: string): RiskRecord | undefined {
  const row = db.prepare('SELECT * FROM assessment_risk WHERE period_id = ? AND question_id = ?').get(periodId, questionId) as RiskRow | undefined
  return row && toRecord(row)
}

export function upsertRisk(db: Db, periodId: string, risk: Omit<RiskRecord, 'updatedAt'>, now: string): void {
  db.prepare(
    `INSERT INTO assessment_risk (period_id, question_id, likelihood, impact, owner, remediation, due_on, status, updated_at)
     VALUES (@periodId, @questionId, @likelihood, @impact, @owner, @remediation, @dueOn, @status, @now)
     ON CONFLICT (period_id, question_id) DO UPDATE SET likelihood = excluded.likelihood, impact = excluded.impact,
       owner = excluded.owner, remediation = excluded.remediation, due_on = excluded.due_on,
       status = excluded.status, updated_at = excluded.updated_at`
  ).run({ ...risk, periodId, now })
}

export function copyRisks(db: Db, fromPeriod: string, toPeriod: string, now: string): void {
  db.prepare(
    `INSERT INTO assessment_risk (period_id, question_id, likelihood, impact, owner, remediation, due_on, status, updated_at)
     SELECT ?, question_id, likelihood, impact, owner, remediation, due_on, status, ? FROM assessment_risk
     WHERE period_id = ?`
  ).run(toPeriod, now, fromPeriod)
}
