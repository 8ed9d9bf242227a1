import type { Db } from '../../db/driver'
import type { DecisionKind, DecisionView } from '../contract'

interface DecisionRow {
  citation: string
  decision: DecisionKind
  explanation: string
  decided_by: string
  decided_on: string
  updated_at: string
}

const toView = (row: DecisionRow): DecisionView => ({
  citation: row.citation,
  decision: row.decision,
  explanation: row.explanation,
  decidedBy: row.decided_by,
  decidedOn: row.decided_on,
  updatedAt: row.updated_at
})

export function listDecisions(db: Db, periodId: string): DecisionView[] {
  return (db.prepare('SELECT * FROM assessment_decision WHERE period_id = ?').all(periodId) as DecisionRow[]).map(toView)
}

export function getDecision(db: Db, periodId: string, citation: string): DecisionView | undefined {
  const row = db.prepare('SELECT * FROM assessment_decision WHERE period_id = ? AND citation = ?').get(periodId, citation) as DecisionRow | undefined
  return row && toView(row)
}

export function upsertDecision(db: Db, periodId: string, decision: Omit<DecisionView, 'updatedAt'>, now: string): void {
  db.prepare(
    `INSERT INTO assessment_decision (period_id, citation, decision, explanation, decided_by, decided_on, updated_at)
     VALUES (@periodId, @citation, @decision, @explanation, @decidedBy, @decidedOn, @now)
     ON CONFLICT (period_id, citation) DO UPDATE SET decision = excluded.decision, explanation = excluded.explanation,
       decided_by = excluded.decided_by, decided_on = excluded.decided_on, updated_at = excluded.updated_at`
  ).run({ ...decision, periodId, now })
}

export function deleteDecision(db: Db, periodId: string, citation: string): void {
  db.prepare('DELETE FROM assessment_decision WHERE period_id = ? AND citation = ?').run(periodId, citation)
}

export function copyDecisions(db: Db, fromPeriod: string, toPeriod: string, now: string): void {
  db.prepare(
    `INSERT INTO assessment_decision (period_id, citation, decision, explanation, decided_by, decided_on, updated_at)
     SELECT ?, citation, decision, explanation, decided_by, decided_on, ? FROM assessment_decision WHERE period_id = ?`
  ).run(toPeriod, now, fromPeriod)
}
