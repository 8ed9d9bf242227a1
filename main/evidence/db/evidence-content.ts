import type { Db } from '../../db/driver'

/** A stored file's content: one row per distinct SHA-256, its bytes in `evidence_chunk` rows. */
export interface StoredContent {
  id: number
  sha256: string
  size: number
  chunkCount: number
}

const SELECT = 'SELECT id, sha256, size, chunk_count AS chunkCount FROM evidence_content'

export function findContentBySha(db: Db, sha256: string): StoredContent | undefined {
  return db.prepare(`${SELECT} WHERE sha256 = ?`).get(sha256) as StoredContent | undefined
}

export function getContent(db: Db, id: number): StoredContent | undefined {
  return db.prepare(`${SELECT} WHERE id = ? AND sha256 IS NOT NULL`).get(id) as StoredContent | undefined
}

/** A content row whose hash is not known yet (only ever inside the storing transaction). */
export function insertPendingContent(db: Db, now: string): number {
  return Number(db.prepare('INSERT INTO evidence_content (sha256, size, chunk_count, stored_at) VALUES (NULL, 0, 0, ?)').run(now).lastInsertRowid)
}

/** Appends chunks to a content row, one prepared statement for the whole file. */
export function chunkWriter(db: Db, contentId: number): (seq: number, bytes: Buffer) => void {
  const insert = db.prepare('INSERT INTO evidence_chunk (content_id, seq, bytes) VALUES (?, ?, ?)')
  return (seq, bytes) => void insert.run(contentId, seq, bytes)
}

export function completeContent(db: Db, id: number, values: { sha256: string; size: number; chunkCount: number }): void {
  db.prepare('UPDATE evidence_content SET sha256 = ?, size = ?, chunk_count = ? WHERE id = ?').run(values.sha256, values.size, values.chunkCount, id)
}

/** Drops a pending row and its chunks (the same content was already stored). */
export function discardPendingContent(db: Db, id: number): void {
  db.prepare('DELETE FROM evidence_chunk WHERE content_id = ?').run(id)
  db.prepare('DELETE FROM evidence_content WHERE id = ? AND sha256 IS NULL').run(id)
}

/** The content's chunks in order, one row in memory at a time. */
export function* contentChunks(db: Db, contentId: number): Generator<Buffer> {
  const select = db.prepare('SELECT bytes FROM evidence_chunk WHERE content_id = ? AND seq = ?').pluck()
  const count = (db.prepare('SELECT chunk_count FROM evidence_content WHERE id = ?').pluck().get(contentId) as number | undefined) ?? 0
  // One lookup per chunk by primary key rather than one open cursor: a cursor left open by a caller that stops
  // early would keep the statement busy, and a write in between would be refused.
  for (let seq = 0; seq < count; seq++) {
    const bytes = select.get(contentId, seq) as Buffer | undefined
    if (!bytes) throw new Error(`Evidence content ${contentId} is missing chunk ${seq} of ${count}`)
    yield bytes
  }
}
