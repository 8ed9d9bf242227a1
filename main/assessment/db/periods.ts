import type { Db } from '../../db/driver'
import type { PeriodView } from '../contract'

interface PeriodRow {
  id: string
  status: 'current' | 'closed'
  started_on: string
  closed_on: string | null
  copied_from: string | null
}

const toView = (row: PeriodRow): PeriodView => ({
  id: row.id,
  status: row.status,
  readOnly: row.status !== 'current',
  startedOn: row.started_on,
  closedOn: row.closed_on,
  copiedFrom: row.copied_from
})

export function listPeriods(db: Db): PeriodView[] {
  return (db.prepare('SELECT * FROM assessment_period ORDER BY started_on, created_at').all() as PeriodRow[]).map(toView)
}

export function getPeriod(db: Db, id: string): PeriodView | undefined {
  const row = db.prepare('SELECT * FROM assessment_period WHERE id = ?').get(id) as PeriodRow | undefined
  return row && toView(row)
}

export function getCurrentPeriod(db: Db): PeriodView | undefined {
  const row = db.prepare("SELECT * FROM assessment_period WHERE status = 'current'").get() as PeriodRow | undefined
  return row && toView(row)
}

export function insertCurrentPeriod(db: Db, values: { id: string; startedOn: string; copiedFrom: string | null; now: string }): void {
  db.prepare(
    `INSERT INTO assessment_period (id, status, started_on, copied_from, created_at)
     VALUES (@id, 'current', @startedOn, @copiedFrom, @now)`
  ).run(values)
}

export function closePeriod(db: Db, id: string, closedOn: string): void {
  db.prepare("UPDATE assessment_period SET status = 'closed', closed_on = ? WHERE id = ?").run(closedOn, id)
}
