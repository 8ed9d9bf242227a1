import type { Db } from '../../db/driver'
import type { AuditEntry } from '../contract'

/** Audited values are stored as text: JSON for anything that is not already a string. */
export function auditText(value: unknown): string | null {
  if (value === null || value === undefined) return null
  return typeof value === 'string' ? value : JSON.stringify(value)
}

export function recordChange(
  db: Db,
  entry: { periodId: string; at: string; subject: string; field: string; oldValue: unknown; newValue: unknown }
): void {
  const oldValue = auditText(entry.oldValue)
  const newValue = auditText(entry.newValue)
  if (oldValue === newValue) return
  db.prepare(
    `INSERT INTO assessment_audit (period_id, at, subject, field, old_value, new_value)
     VALUES (?, ?, ?, ?, ?, ?)`
  ).run(entry.periodId, entry.at, entry.subject, entry.field, oldValue, newValue)
}

/** Newest first. A subject ending in ':' matches every subject with that prefix. */
export function listAudit(db: Db, periodId: string, options: { subject?: string; limit: number }): AuditEntry[] {
  const subject = options.subject
  const filter = subject === undefined ? '' : subject.endsWith(':') ? 'AND substr(subject, 1, length(@subject)) = @subject' : 'AND subject = @subject'
  return db
    .prepare(
      `SELECT id, at, subject, field, old_value AS oldValue, new_value AS newValue FROM assessment_audit
       WHERE period_id = @periodId ${filter} ORDER BY id DESC LIMIT @limit`
    )
    .all({ periodId, subject: subject ?? null, limit: options.limit }) as AuditEntry[]
}

/** When anything under one of these subjects last changed, to tell if a sign-off is stale. */
export function lastChangeAt(db: Db, periodId: string, subjects: string[]): string | undefined {
  if (subjects.length === 0) return undefined
  const row = db
    .prepare(
      `SELECT max(at) AS at FROM assessment_audit
       WHERE period_id = ? AND subject IN (SELECT value FROM json_each(?))`
    )
    .get(periodId, JSON.stringify(subjects)) as { at: string | null }
  return row.at ?? undefined
}
