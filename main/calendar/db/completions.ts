import type { Db } from '../../db/driver'
import type { RecurringCompletion } from '../calendar'

export function listCompletions(db: Db): RecurringCompletion[] {
  return db
    .prepare('SELECT definition_id AS definitionId, done_on AS doneOn FROM calendar_completion ORDER BY done_on, id')
    .all() as RecurringCompletion[]
}

export function insertCompletion(db: Db, completion: RecurringCompletion & { note: string }, now: string): void {
  db.prepare('INSERT INTO calendar_completion (definition_id, done_on, note, recorded_at) VALUES (?, ?, ?, ?)').run(
    completion.definitionId,
    completion.doneOn,
    completion.note,
    now
  )
}
