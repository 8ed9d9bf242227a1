import type { Db } from '../../db/driver'
import type { AgreementFile } from '../contract'

interface MetaRow {
  original_name: string
  media_type: string
  size: number
  sha256: string
  attached_at: string
}

const fromRow = (row: MetaRow): AgreementFile => ({
  originalName: row.original_name,
  mediaType: row.media_type,
  size: row.size,
  sha256: row.sha256,
  attachedAt: row.attached_at
})

const META_COLUMNS = 'original_name, media_type, size, sha256, attached_at'

export function getAgreementFileMeta(db: Db, businessAssociateId: number): AgreementFile | null {
  const row = db.prepare(`SELECT ${META_COLUMNS} FROM business_associate_agreement_file WHERE business_associate_id = ?`).get(businessAssociateId) as
    MetaRow | undefined
  return row ? fromRow(row) : null
}

/** Metadata of every stored agreement, keyed by business associate (content left in the database). */
export function listAgreementFileMeta(db: Db): Map<number, AgreementFile> {
  const rows = db.prepare(`SELECT business_associate_id, ${META_COLUMNS} FROM business_associate_agreement_file`).all() as (MetaRow & {
    business_associate_id: number
  })[]
  return new Map(rows.map(row => [row.business_associate_id, fromRow(row)]))
}

export function getAgreementFileContent(db: Db, businessAssociateId: number): (AgreementFile & { content: Buffer }) | null {
  const row = db
    .prepare(`SELECT ${META_COLUMNS}, content FROM business_associate_agreement_file WHERE business_associate_id = ?`)
    .get(businessAssociateId) as (MetaRow & { content: Buffer }) | undefined
  return row ? { ...fromRow(row), content: row.content } : null
}

export function putAgreementFile(db: Db, businessAssociateId: number, file: AgreementFile & { content: Buffer }): void {
  db.prepare(
    `INSERT INTO business_associate_agreement_file (business_associate_id, original_name, media_type, size, sha256, content, attached_at)
     VALUES (@id, @originalName, @mediaType, @size, @sha256, @content, @attachedAt)
     ON CONFLICT (business_associate_id) DO UPDATE SET original_name = excluded.original_name, media_type = excluded.media_type,
       size = excluded.size, sha256 = excluded.sha256, content = excluded.content, attached_at = excluded.attached_at`
  ).run({ id: businessAssociateId, ...file })
}

export function deleteAgreementFile(db: Db, businessAssociateId: number): boolean {
  return db.prepare('DELETE FROM business_associate_agreement_file WHERE business_associate_id = ?').run(businessAssociateId).changes === 1
}
