import type { Db } from '../../db/driver'

export interface FlagDismissal {
  id: number
  rule: string
  subjectKey: string
  reason: string
  by: string
  at: string
}

interface DismissalRow {
  id: number
  rule_id: string
  subject_key: string
  reason: string
  dismissed_by: string
  dismissed_at: string
}

/** Dismissals in force (not restored), by `${rule} ${subjectKey}`. */
export function currentDismissals(db: Db): Map<string, FlagDismissal> {
  const rows = db.prepare('SELECT * FROM map_flag_dismissal WHERE restored_at IS NULL').all() as DismissalRow[]
  return new Map(
    rows.map(row => [
      dismissalKey(row.rule_id, row.subject_key),
      { id: row.id, rule: row.rule_id, subjectKey: row.subject_key, reason: row.reason, by: row.dismissed_by, at: row.dismissed_at }
    ])
  )
}

export const dismissalKey = (rule: string, subjectKey: string): string => `${rule} ${subjectKey}`

/** Every dismissal ever recorded, restored ones included, oldest first. */
export function listDismissalHistory(db: Db): (FlagDismissal & { restoredBy: string | null; restoredAt: string | null })[] {
  const rows = db.prepare('SELECT * FROM map_flag_dismissal ORDER BY dismissed_at, id').all() as (DismissalRow & {
    restored_by: string | null
    restored_at: string | null
  })[]
  return rows.map(row => ({
    id: row.id,
    rule: row.rule_id,
    subjectKey: row.subject_key,
    reason: row.reason,
    by: row.dismissed_by,
    at: row.dismissed_at,
    restoredBy: row.restored_by,
    restoredAt: row.restored_at
  }))
}

/** False when the flag is already dismissed. */
export function insertDismissal(db: Db, values: { rule: string; subjectKey: string; reason: string; by: string }, now: string): boolean {
  return (
    db
      .prepare(
        `INSERT INTO map_flag_dismissal (rule_id, subject_key, reason, dismissed_by, dismissed_at) VALUES (@rule, @subjectKey, @reason, @by, @now)
         ON CONFLICT (rule_id, subject_key) WHERE restored_at IS NULL DO NOTHING`
      )
      .run({ ...values, now }).changes === 1
  )
}

/** Restoring keeps the record of the dismissal; false when the flag was not dismissed. */
export function restoreDismissal(db: Db, rule: string, subjectKey: string, by: string, now: string): boolean {
  return (
    db
      .prepare('UPDATE map_flag_dismissal SET restored_by = ?, restored_at = ? WHERE rule_id = ? AND subject_key = ? AND restored_at IS NULL')
      .run(by, now, rule, subjectKey).changes === 1
  )
}
