import type { Db } from '../../db/driver'
import type { DismissedSuggestion } from '../contract'

export function listDismissals(db: Db): DismissedSuggestion[] {
  return db
    .prepare('SELECT suggestion_key AS key, reason, dismissed_at AS dismissedAt FROM risk_suggestion_dismissal ORDER BY dismissed_at, suggestion_key')
    .all() as DismissedSuggestion[]
}

export function upsertDismissal(db: Db, key: string, reason: string, now: string): void {
  db.prepare(
    `INSERT INTO risk_suggestion_dismissal (suggestion_key, reason, dismissed_at) VALUES (?, ?, ?)
     ON CONFLICT (suggestion_key) DO UPDATE SET reason = excluded.reason, dismissed_at = excluded.dismissed_at`
  ).run(key, reason, now)
}

export function deleteDismissal(db: Db, key: string): boolean {
  return db.prepare('DELETE FROM risk_suggestion_dismissal WHERE suggestion_key = ?').run(key).changes === 1
}
