import type { Db } from '../../db/driver'

export function getProfileValues(db: Db, periodId: string): Record<string, boolean> {
  const rows = db.prepare('SELECT key, value FROM assessment_profile WHERE period_id = ? ORDER BY key').all(periodId) as {
    key: string
    value: 0 | 1
  }[]
  return Object.fromEntries(rows.map(row => [row.key, row.value === 1]))
}

/** Null clears the answer (back to 'not answered'). */
export function setProfileValue(db: Db, periodId: string, key: string, value: boolean | null, now: string): void {
  if (value === null) {
    db.prepare('DELETE FROM assessment_profile WHERE period_id = ? AND key = ?').run(periodId, key)
    return
  }
  db.prepare(
    `INSERT INTO assessment_profile (period_id, key, value, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (period_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`
  ).run(periodId, key, value ? 1 : 0, now)
}

export function copyProfile(db: Db, fromPeriod: string, toPeriod: string, now: string): void {
  db.prepare(
    `INSERT INTO assessment_profile (period_id, key, value, updated_at)
     SELECT ?, key, value, ? FROM assessment_profile WHERE period_id = ?`
  ).run(toPeriod, now, fromPeriod)
}
