import type { Db } from '../../db/driver'

export type StoredTermState = 'present' | 'missing' | 'not-applicable'

export interface StoredTerm {
  termId: string
  state: StoredTermState
  note: string
}

export function listTerms(db: Db, businessAssociateId: number): StoredTerm[] {
  return db
    .prepare('SELECT term_id AS termId, state, note FROM business_associate_term WHERE business_associate_id = ? ORDER BY term_id')
    .all(businessAssociateId) as StoredTerm[]
}

/** Every stored term state, keyed by business associate. */
export function listAllTerms(db: Db): Map<number, StoredTerm[]> {
  const rows = db.prepare('SELECT business_associate_id AS id, term_id AS termId, state, note FROM business_associate_term').all() as (StoredTerm & {
    id: number
  })[]
  const byAssociate = new Map<number, StoredTerm[]>()
  for (const { id, ...term } of rows) byAssociate.set(id, [...(byAssociate.get(id) ?? []), term])
  return byAssociate
}

export function setTerm(db: Db, businessAssociateId: number, term: StoredTerm, now: string): void {
  db.prepare(
    `INSERT INTO business_associate_term (business_associate_id, term_id, state, note, updated_at)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (business_associate_id, term_id) DO UPDATE SET state = excluded.state, note = excluded.note, updated_at = excluded.updated_at`
  ).run(businessAssociateId, term.termId, term.state, term.note, now)
}

export function clearTerm(db: Db, businessAssociateId: number, termId: string): void {
  db.prepare('DELETE FROM business_associate_term WHERE business_associate_id = ? AND term_id = ?').run(businessAssociateId, termId)
}
