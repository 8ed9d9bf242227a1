import type { Db } from '../../db/driver'
import type { ReviewFlag } from '../contract'

interface FlagRow {
  citation: string
  status: 'open' | 'dismissed'
  scan_id: number | null
  failing: number
  flagged_at: string
  updated_at: string
}

const toView = (row: FlagRow): ReviewFlag => ({
  citation: row.citation,
  status: row.status,
  scanId: row.scan_id,
  failing: row.failing,
  flaggedAt: row.flagged_at,
  updatedAt: row.updated_at
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

export function listReviewFlags(db: Db, status?: 'open' | 'dismissed'): ReviewFlag[] {
  const rows = status
    ? db.prepare('SELECT * FROM spec_review_flag WHERE status = ? ORDER BY citation').all(status)
    : db.prepare('SELECT * FROM spec_review_flag ORDER BY citation').all()
  return (rows as FlagRow[]).map(toView)
}

export function getReviewFlag(db: Db, citation: string): ReviewFlag | undefined {
  const row = db.prepare('SELECT * FROM spec_review_flag WHERE citation = ?').get(citation) as FlagRow | undefined
  return row && toView(row)
}

export function dismissReviewFlag(db: Db, citation: string, now: string): boolean {
  return db.prepare(`UPDATE spec_review_flag SET status = 'dismissed', updated_at = ? WHERE citation = ?`).run(now, citation).changes > 0
}
