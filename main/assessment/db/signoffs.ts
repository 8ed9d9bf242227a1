import type { QuestionGroup } from '../catalog.types'
import type { Db } from '../../db/driver'

export interface SignOffRecord {
  group: QuestionGroup
  reviewer: string
  signedOn: string
  createdAt: string
}

export function listSignOffs(db: Db, periodId: string): SignOffRecord[] {
  return db
    .prepare(
      `SELECT family AS "group", reviewer, signed_on AS signedOn, created_at AS createdAt
       FROM assessment_signoff WHERE period_id = ?`
    )
    .all(periodId) as SignOffRecord[]
}

export function upsertSignOff(db: Db, periodId: string, signOff: Omit<SignOffRecord, 'createdAt'>, now: string): void {
  db.prepare(
    `INSERT INTO assessment_signoff (period_id, family, reviewer, signed_on, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (period_id, family) DO UPDATE SET reviewer = excluded.reviewer, signed_on = excluded.signed_on,
       created_at = excluded.created_at`
  ).run(periodId, signOff.group, signOff.reviewer, signOff.signedOn, now)
}

export function deleteSignOff(db: Db, periodId: string, group: QuestionGroup): void {
  db.prepare('DELETE FROM assessment_signoff WHERE period_id = ? AND family = ?').run(periodId, group)
}
