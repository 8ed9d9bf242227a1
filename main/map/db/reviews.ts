import type { Db } from '../../db/driver'
import type { MapReview } from '../contract'

interface ReviewRow {
  id: number
  reviewed_on: string
  reviewed_by: string
  note: string
  recorded_at: string
}

const fromRow = (row: ReviewRow): MapReview => ({
  id: row.id,
  reviewedOn: row.reviewed_on,
  reviewedBy: row.reviewed_by,
  note: row.note,
  recordedAt: row.recorded_at
})

export function insertMapReview(db: Db, values: { reviewedOn: string; reviewedBy: string; note: string }, now: string): MapReview {
  const id = Number(
    db
      .prepare('INSERT INTO map_review (reviewed_on, reviewed_by, note, recorded_at) VALUES (@reviewedOn, @reviewedBy, @note, @now)')
      .run({ ...values, now }).lastInsertRowid
  )
  return fromRow(db.prepare('SELECT * FROM map_review WHERE id = ?').get(id) as ReviewRow)
}

/** The most recent review (by the date it was done), or null when the map was never reviewed. */
export function latestMapReview(db: Db): MapReview | null {
  const row = db.prepare('SELECT * FROM map_review ORDER BY reviewed_on DESC, id DESC LIMIT 1').get() as ReviewRow | undefined
  return row ? fromRow(row) : null
}

/** Every recorded review, oldest first (the calendar counts each as the yearly map review done). */
export function listMapReviews(db: Db): MapReview[] {
  return (db.prepare('SELECT * FROM map_review ORDER BY reviewed_on, id').all() as ReviewRow[]).map(fromRow)
}
