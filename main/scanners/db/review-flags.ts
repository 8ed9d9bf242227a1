import type { Db } from '../../db/driver'
import type { ReviewFlag } from '../contract'

interface FlagRow {
  citation: string
  status: 'open' | 'dismissed'
  scan_id: number | null
  failing: number
  flagged_at: string
  updated_at: string
  dismiss_reason: string | null
  dismissed_by: string | null
  dismissed_at: string | null
  restored_by: string | null
  restored_at: string | null
}

/** A stored flag; `now` gives the failing findings in the current scans, triaged and not (review-flag-view.ts). */
export type StoredReviewFlag = Omit<ReviewFlag, 'failingNow' | 'triaged'>

const toView = (row: FlagRow): StoredReviewFlag => ({
  citation: row.citation,
  status: row.status,
  scanId: row.scan_id,
  failing: row.failing,
  flaggedAt: row.flagged_at,
  updatedAt: row.updated_at,
  dismissal: row.dismissed_at === null ? null : { reason: row.dismiss_reason, by: row.dismissed_by, at: row.dismissed_at },
  restored: row.restored_at === null ? null : { by: row.restored_by, at: row.restored_at }
})

/** Flags (or re-opens) each specification a scan found failing. Assessment answers are not touched. */
export function flagForReview(db: Db, scanId: number, failing: readonly { citation: string; failing: number }[], now: string): void {
  const upsert = db.prepare(
    `INSERT INTO spec_review_flag (citation, status, scan_id, failing, flagged_at, updated_at)
     VALUES (?, 'open', ?, ?, ?, ?)
     ON CONFLICT (citation) DO UPDATE SET status = 'open', scan_id = excluded.scan_id, failing = excluded.failing,
       updated_at = excluded.updated_at`
  )
  for (const f of failing) upsert.run(f.citation, scanId, f.failing, now, now)
}

export function listReviewFlags(db: Db, status?: 'open' | 'dismissed'): StoredReviewFlag[] {
  const rows = status
    ? db.prepare('SELECT * FROM spec_review_flag WHERE status = ? ORDER BY citation').all(status)
    : db.prepare('SELECT * FROM spec_review_flag ORDER BY citation').all()
  return (rows as FlagRow[]).map(toView)
}

export function getReviewFlag(db: Db, citation: string): StoredReviewFlag | undefined {
  const row = db.prepare('SELECT * FROM spec_review_flag WHERE citation = ?').get(citation) as FlagRow | undefined
  return row && toView(row)
}

/** Dismisses an open flag with the reason and who; false when there is no open flag on the citation. */
export function dismissReviewFlag(db: Db, citation: string, dismissal: { reason: string; by: string }, now: string): boolean {
  return (
    db
      .prepare(
        `UPDATE spec_review_flag SET status = 'dismissed', dismiss_reason = ?, dismissed_by = ?, dismissed_at = ?, updated_at = ?
          WHERE citation = ? AND status = 'open'`
      )
      .run(dismissal.reason, dismissal.by, now, now, citation).changes > 0
  )
}

/** Re-opens a dismissed flag, keeping the dismissal on record; false when the citation has no dismissed flag. */
export function restoreReviewFlag(db: Db, citation: string, by: string, now: string): boolean {
  return (
    db
      .prepare(
        `UPDATE spec_review_flag SET status = 'open', restored_by = ?, restored_at = ?, updated_at = ? WHERE citation = ? AND status = 'dismissed'`
      )
      .run(by, now, now, citation).changes > 0
  )
}

/**
 * After a scan is deleted: each open flag it raised is kept only while a current
 * scan (the newest of each account) still fails that specification, and then points
 * at that scan; otherwise it is removed. Dismissed flags are the user's decisions
 * and stay. `currentWithoutIt`: the current scans once it is gone. Call before
 * deleting, inside the same transaction as the delete.
 */
export function releaseFlagsOfScan(db: Db, scanId: number, currentWithoutIt: readonly number[], now: string): void {
  const raised = db.prepare(`SELECT citation FROM spec_review_flag WHERE scan_id = ? AND status = 'open'`).pluck().all(scanId) as string[]
  if (raised.length === 0) return
  const current = currentWithoutIt.filter(id => id !== scanId)
  const failingNow = new Map<string, { scanId: number; failing: number }>()
  if (current.length) {
    const rows = db
      .prepare(
        `SELECT m.citation AS citation, f.scan_id AS scanId, SUM(f.item_count) AS failing
         FROM finding f JOIN citation_set_member m ON m.set_id = f.citation_set_id
         WHERE f.scan_id IN (${current.map(() => '?').join(',')}) AND f.status = 'failed' AND f.muted = 0
           AND m.citation IN (${raised.map(() => '?').join(',')})
         GROUP BY m.citation, f.scan_id ORDER BY f.scan_id`
      )
      .all(...current, ...raised) as { citation: string; scanId: number; failing: number }[]
    for (const row of rows) {
      const seen = failingNow.get(row.citation)
      // The newest current scan that fails it, with the failures of all current scans.
      failingNow.set(row.citation, { scanId: row.scanId, failing: (seen?.failing ?? 0) + row.failing })
    }
  }
  const repoint = db.prepare('UPDATE spec_review_flag SET scan_id = ?, failing = ?, updated_at = ? WHERE citation = ?')
  const remove = db.prepare('DELETE FROM spec_review_flag WHERE citation = ?')
  for (const citation of raised) {
    const still = failingNow.get(citation)
    if (still) repoint.run(still.scanId, still.failing, now, citation)
    else remove.run(citation)
  }
}
