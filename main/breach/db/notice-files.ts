import type { Db } from '../../db/driver'
import type { NoticeEvidenceFile } from '../contract'

interface MetaRow {
  original_name: string
  media_type: string
  size: number
  sha256: string
  attached_at: string
}

const fromRow = (row: MetaRow): NoticeEvidenceFile => ({
  originalName: row.original_name,
  mediaType: row.media_type,
  size: row.size,
  sha256: row.sha256,
  attachedAt: row.attached_at
})

const META_COLUMNS = 'original_name, media_type, size, sha256, attached_at'

export function getNoticeFileContent(db: Db, noticeId: number): (NoticeEvidenceFile & { content: Buffer }) | null {
  const row = db.prepare(`SELECT ${META_COLUMNS}, content FROM incident_notice_file WHERE notice_id = ?`).get(noticeId) as
    (MetaRow & { content: Buffer }) | undefined
  return row ? { ...fromRow(row), content: row.content } : null
}

/** Stores (or replaces) the file of one notice. */
export function putNoticeFile(db: Db, noticeId: number, file: NoticeEvidenceFile & { content: Buffer }): void {
  db.prepare(
    `INSERT INTO incident_notice_file (notice_id, original_name, media_type, size, sha256, content, attached_at)
     VALUES (@noticeId, @originalName, @mediaType, @size, @sha256, @content, @attachedAt)
     ON CONFLICT (notice_id) DO UPDATE SET original_name = excluded.original_name, media_type = excluded.media_type,
       size = excluded.size, sha256 = excluded.sha256, content = excluded.content, attached_at = excluded.attached_at`
  ).run({ noticeId, ...file })
}
