import type { Db } from '../../db/driver'
import type { EvidenceKind, EvidenceTargetKind } from '../contract'

/** One evidence item as stored, with its content's hash and size for files. */
export interface EvidenceRecord {
  id: number
  targetKind: EvidenceTargetKind
  targetId: string
  periodId: string | null
  kind: EvidenceKind
  title: string
  note: string
  fileName: string | null
  contentId: number | null
  url: string | null
  sha256: string | null
  size: number | null
  effectiveAsOf: string
  expiresOn: string | null
  addedAt: string
  addedBy: string
  updatedAt: string
  archivedAt: string | null
  archivedBy: string | null
  archiveReason: string | null
}

const SELECT = `SELECT i.id, i.target_kind AS targetKind, i.target_id AS targetId, i.period_id AS periodId, i.kind, i.title, i.note,
    i.file_name AS fileName, i.content_id AS contentId, i.url, c.sha256, c.size, i.effective_as_of AS effectiveAsOf,
    i.expires_on AS expiresOn, i.added_at AS addedAt, i.added_by AS addedBy, i.updated_at AS updatedAt,
    i.archived_at AS archivedAt, i.archived_by AS archivedBy, i.archive_reason AS archiveReason
  FROM evidence_item i LEFT JOIN evidence_content c ON c.id = i.content_id`

const ORDER = 'ORDER BY i.effective_as_of DESC, i.id DESC'

export function getEvidence(db: Db, id: number): EvidenceRecord | undefined {
  return db.prepare(`${SELECT} WHERE i.id = ?`).get(id) as EvidenceRecord | undefined
}

/** Items on one target; for answers and decisions, those of one period. */
export function listEvidenceOnTarget(
  db: Db,
  target: { kind: EvidenceTargetKind; id: string; periodId: string | null },
  includeArchived: boolean
): EvidenceRecord[] {
  return db
    .prepare(
      `${SELECT} WHERE i.target_kind = ? AND i.target_id = ? AND i.period_id IS ? ${includeArchived ? '' : 'AND i.archived_at IS NULL'} ${ORDER}`
    )
    .all(target.kind, target.id, target.periodId) as EvidenceRecord[]
}

/** Every item: answers' and decisions' of one period (or of every period when null), and those of the other kinds. */
export function listAllEvidence(db: Db, periodId: string | null, includeArchived: boolean): EvidenceRecord[] {
  return db
    .prepare(`${SELECT} WHERE (i.period_id IS NULL OR ? IS NULL OR i.period_id = ?) ${includeArchived ? '' : 'AND i.archived_at IS NULL'} ${ORDER}`)
    .all(periodId, periodId) as EvidenceRecord[]
}

export interface NewEvidence {
  targetKind: EvidenceTargetKind
  targetId: string
  periodId: string | null
  kind: EvidenceKind
  title: string
  note: string
  fileName: string | null
  contentId: number | null
  url: string | null
  effectiveAsOf: string
  expiresOn: string | null
  addedBy: string
}

export function insertEvidence(db: Db, values: NewEvidence, now: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO evidence_item (target_kind, target_id, period_id, kind, title, note, file_name, content_id, url, effective_as_of,
           expires_on, added_at, added_by, updated_at)
         VALUES (@targetKind, @targetId, @periodId, @kind, @title, @note, @fileName, @contentId, @url, @effectiveAsOf,
           @expiresOn, @now, @addedBy, @now)`
      )
      .run({ ...values, now }).lastInsertRowid
  )
}

export function updateEvidence(
  db: Db,
  id: number,
  values: { title: string; note: string; effectiveAsOf: string; expiresOn: string | null },
  now: string
): void {
  db.prepare(
    `UPDATE evidence_item SET title = @title, note = @note, effective_as_of = @effectiveAsOf, expires_on = @expiresOn, updated_at = @now
      WHERE id = @id`
  ).run({ ...values, id, now })
}

export function archiveEvidence(db: Db, id: number, values: { by: string; reason: string | null }, now: string): boolean {
  return (
    db
      .prepare('UPDATE evidence_item SET archived_at = ?, archived_by = ?, archive_reason = ?, updated_at = ? WHERE id = ? AND archived_at IS NULL')
      .run(now, values.by, values.reason, now, id).changes === 1
  )
}
